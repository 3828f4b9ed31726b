// Data loader: the geometry sensitivity analysis — the corrected protocol under each patch geometry (data/geometry.json).
import {siteGeometry} from "../../loaders/site/siteGeometry.js";

process.stdout.write(JSON.stringify(await siteGeometry()));
