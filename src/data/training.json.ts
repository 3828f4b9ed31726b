// Data loader: per-epoch loss and accuracy for every protocol and seed (data/training.json).
import {siteTraining} from "../../loaders/site/siteArtifacts.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("training.json", await siteTraining());
