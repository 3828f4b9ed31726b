// Data loader: the minimum development sample size of the image head and the clinical model, and the minimum size of each external cohort for validation (loaders/pipeline/analysisRegistry.ts: sampleSize).
import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("sample-size.json", await siteAnalysis("sampleSize"));
