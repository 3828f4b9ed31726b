// Data loader: Harrell's optimism of each protocol's in-sample (training-cohort) metrics (data/optimism.json).
import {siteOptimism} from "../../loaders/site/siteOptimism.js";

process.stdout.write(JSON.stringify(await siteOptimism()));
