// Data loader: ordinal agreement of the four response classes on each external cohort (loaders/pipeline/analysisRegistry.ts: ordinal).
import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";

process.stdout.write(JSON.stringify(await siteAnalysis("ordinal")));
