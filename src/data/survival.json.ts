// Data loader: survival by predicted response (data/survival.json).
import {siteSurvival} from "../../loaders/site/siteSurvival.js";

process.stdout.write(JSON.stringify(await siteSurvival()));
