// Data loader: per-epoch loss and accuracy for every protocol and seed (data/training.json).
import {siteTraining} from "../../loaders/site/siteArtifacts.js";

process.stdout.write(JSON.stringify(await siteTraining()));
