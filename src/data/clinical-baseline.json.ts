// Data loader: the Clinical baseline analysis (a clinical model, the image model and both combined).
import {siteClinicalBaseline} from "../../loaders/site/siteClinicalBaseline.js";

process.stdout.write(JSON.stringify(await siteClinicalBaseline()));
