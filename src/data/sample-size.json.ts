// Data loader: the minimum development sample size of the image head and the clinical model (loaders/pipeline/analysisRegistry.ts: sampleSize).
import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";

process.stdout.write(JSON.stringify(await siteAnalysis("sampleSize")));
