// Data loader: clinical rows of the analysed patients and the patient flow per cohort (data/cohorts.json).
import {siteCohorts} from "../../loaders/site/siteArtifacts.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("cohorts.json", await siteCohorts());
