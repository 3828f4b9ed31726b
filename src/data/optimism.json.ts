// Data loader: Harrell's optimism of each protocol's in-sample (training-cohort) metrics (data/optimism.json).
import {siteOptimism} from "../../loaders/site/siteOptimism.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("optimism.json", await siteOptimism());
