// Data loader: issue #13's ablation ladder — the paper's protocol changed one thing at a time (data/ablation.json).
import {siteAblation} from "../../loaders/site/siteAblation.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("ablation.json", await siteAblation());
