// Data loader: every patch's predicted probabilities under both protocols (data/predictions.csv).
import {predictionsCsv} from "../../loaders/site/predictionsCsv.js";
import {sitePipeline} from "../../loaders/site/sitePipeline.js";

process.stdout.write(predictionsCsv(await sitePipeline()));
