// Data loader: each ablation rung's seed-averaged patch predictions, the rung in the protocol column
// (data/ablation-predictions.csv; `workbench evaluate --paired` reads it).
import {siteAblationPredictionsCsv} from "../../loaders/site/siteAblation.js";

process.stdout.write(await siteAblationPredictionsCsv());
