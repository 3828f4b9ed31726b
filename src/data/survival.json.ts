// Data loader: survival by predicted response (data/survival.json).
import {siteSurvival} from "../../loaders/site/siteSurvival.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("survival.json", await siteSurvival());
