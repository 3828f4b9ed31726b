#!/usr/bin/env node
// Entry point of `npx workbench`: registers tsx so the TypeScript sources run as they are, then hands over.
import {register} from "tsx/esm/api";

register();
// `workbench config | head` closes the pipe early; that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const {runCli, processIO} = await import("../loaders/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2), processIO);
