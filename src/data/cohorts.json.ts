// Data loader: clinical rows of the analysed patients and the patient flow per cohort (data/cohorts.json).
import {siteCohorts} from "../../loaders/site/siteArtifacts.js";

process.stdout.write(JSON.stringify(await siteCohorts()));
