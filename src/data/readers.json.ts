// Data loader: reader agreement and the model against each reference standard (data/readers.json).
import {siteReaders} from "../../loaders/site/siteReaders.js";

process.stdout.write(JSON.stringify(await siteReaders()));
