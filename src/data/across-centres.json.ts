// Data loader: leave one centre out and the pooled estimates (loaders/pipeline/analysisRegistry.ts: acrossCentres).
import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("across-centres.json", await siteAnalysis("acrossCentres"));
