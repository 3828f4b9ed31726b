// Data loader: the resolved study configuration and the protocol table (paper vs used, with reasons).
import {loadStudyConfig, StudyEnvVar} from "../../loaders/config/loadStudyConfig.js";
import {protocolTable} from "../../loaders/config/protocolTable.js";

const {config, source} = await loadStudyConfig(process.env[StudyEnvVar]);
process.stdout.write(
  JSON.stringify({config, source: source ? "study file" : "built-in defaults", table: protocolTable(config)}),
);
