// Data loader: calibration intervals, per-class calibration and recalibration on each external cohort (loaders/pipeline/analysisRegistry.ts: calibrationExtras).
import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("calibration-extras.json", await siteAnalysis("calibrationExtras"));
