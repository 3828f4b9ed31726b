// Data loader: the geometry sensitivity analysis — the corrected protocol under each patch geometry (data/geometry.json).
import {siteGeometry} from "../../loaders/site/siteGeometry.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("geometry.json", await siteGeometry());
