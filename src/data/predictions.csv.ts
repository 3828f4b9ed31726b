// Data loader: every patch's predicted probabilities under both protocols (data/predictions.csv).
import {sitePredictionsCsv} from "../../loaders/site/siteArtifacts.js";

process.stdout.write(await sitePredictionsCsv());
