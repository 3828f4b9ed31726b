// Data loader: the paper-scale measurement (docs/paper-scale.json, written by scripts/measure-paper-scale.sh), checked
// and with its targets worked out, for the Protocol page. A committed measurement of one real run, not this build's.
import {readFile} from "node:fs/promises";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";
import {paperScaleTargets, parsePaperScaleMeasurement} from "../components/scale/paperScaleMeasurement.js";

const source = new URL("../../docs/paper-scale.json", import.meta.url);
const measurement = parsePaperScaleMeasurement(JSON.parse(await readFile(source, "utf8")), "docs/paper-scale.json");
writeDataFile("paper-scale.json", {measurement, targets: paperScaleTargets(measurement)});
