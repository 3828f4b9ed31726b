// Data loader: ordinal agreement of the four response classes on each external cohort (loaders/pipeline/analysisRegistry.ts: ordinal).
import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("ordinal.json", await siteAnalysis("ordinal"));
