import {parseArgs} from "node:util";
import {loadStudyConfig} from "../../config/loadStudyConfig.js";
import {protocolTable} from "../../config/protocolTable.js";
import type {Command} from "../command.js";

const usage = `Usage: workbench config [--study study.json] [--table]

Prints the fully resolved study configuration as JSON (defaults reproduce the paper; "protocol": "corrected"
switches to the corrected protocol). With --table, prints the methods table instead: the paper's value beside
the value used, and why they differ.

Options:
  --study <file>  study configuration (JSON); default: the built-in demo study
  --table         print the protocol table instead of the JSON
`;

export const configCommand: Command = {
  name: "config",
  summary: "print the resolved study configuration or the protocol table",
  usage,
  async run(argv, io) {
    const {values} = parseArgs({
      args: argv,
      options: {study: {type: "string"}, table: {type: "boolean", default: false}},
      strict: true,
    });
    const {config} = await loadStudyConfig(values.study, io.cwd);
    if (!values.table) {
      io.stdout(`${JSON.stringify(config, null, 2)}\n`);
      return 0;
    }
    for (const row of protocolTable(config)) {
      const mark = row.differs ? "≠" : "=";
      io.stdout(`${row.section.padEnd(13)} ${row.parameter.padEnd(30)} ${mark} ${row.used}   [paper: ${row.paper}]\n`);
      if (row.reason) io.stdout(`${"".padEnd(46)}${row.reason}\n`);
    }
    return 0;
  },
};
