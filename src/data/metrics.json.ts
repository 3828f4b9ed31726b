// Data loader: the build-time evaluation of both protocols, as `workbench evaluate` writes it (data/metrics.json).
import {siteMetrics} from "../../loaders/site/siteArtifacts.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("metrics.json", await siteMetrics());
