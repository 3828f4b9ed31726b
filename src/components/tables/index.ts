export {type ConfusionCell, type ConfusionTable, confusionTable} from "./confusionTable.js";
export {confidence, filterGallery, type GalleryFilter, type GalleryItem} from "./filterGallery.js";
export {formatP, formatW} from "./formatStat.js";
export {type HeadlineRow, headlineRows} from "./headlineRows.js";
export {type CiMethod, ciMethods, ciOf, type LevelInputs, levelInputs} from "./levelInputs.js";
export {compareCounts, type Table1Row, type Table1Test, table1} from "./table1.js";
export {type Table1Variable, table1Variables} from "./table1Variables.js";
export {type ThresholdMetrics, thresholdMetrics} from "./thresholdMetrics.js";
export {toCsv} from "./toCsv.js";
