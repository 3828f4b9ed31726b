// Data loader: leave one centre out and the pooled estimates (loaders/pipeline/analysisRegistry.ts: acrossCentres).
import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";

process.stdout.write(JSON.stringify(await siteAnalysis("acrossCentres")));
