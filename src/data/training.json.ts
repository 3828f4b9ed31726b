// Data loader: per-epoch loss and accuracy for every protocol and seed (data/training.json).
import {sitePipeline} from "../../loaders/site/sitePipeline.js";
import {trainingArtifact} from "../../loaders/site/trainingArtifact.js";

process.stdout.write(JSON.stringify(trainingArtifact(await sitePipeline())));
