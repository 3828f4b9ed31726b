// Data loader: the Clinical baseline analysis (a clinical model, the image model and both combined).
import {siteClinicalBaseline} from "../../loaders/site/siteClinicalBaseline.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("clinical-baseline.json", await siteClinicalBaseline());
