// Data loader: reader agreement and the model against each reference standard (data/readers.json).
import {siteReaders} from "../../loaders/site/siteReaders.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("readers.json", await siteReaders());
