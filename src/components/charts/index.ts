export {confusionMatrixView} from "./confusionMatrixView.js";
export {type Column, type DataTableOptions, dataTable} from "./dataTable.js";
export {demoBanner, isSynthetic} from "./demoBanner.js";
export {button, type Child, download, el} from "./dom.js";
export {type CohortFlow, chartStyles, flowDiagram} from "./flowDiagram.js";
export {provenanceFooter} from "./provenanceFooter.js";
export {type VegaChartOptions, vegaChart} from "./vegaChart.js";
