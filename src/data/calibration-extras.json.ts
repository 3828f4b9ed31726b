// Data loader: calibration intervals, per-class calibration and recalibration on each external cohort (loaders/pipeline/analysisRegistry.ts: calibrationExtras).
import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";

process.stdout.write(JSON.stringify(await siteAnalysis("calibrationExtras")));
