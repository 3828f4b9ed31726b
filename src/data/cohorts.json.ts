// Data loader: clinical rows of the analysed patients and the patient flow per cohort (data/cohorts.json).
import {cohortsArtifact} from "../../loaders/site/cohortsArtifact.js";
import {sitePipeline} from "../../loaders/site/sitePipeline.js";

process.stdout.write(JSON.stringify(cohortsArtifact(await sitePipeline())));
