// Data loader: the build-time evaluation of both protocols, as `workbench evaluate` writes it (data/metrics.json).
import {metricsArtifact} from "../../loaders/site/metricsArtifact.js";
import {sitePipeline} from "../../loaders/site/sitePipeline.js";

process.stdout.write(JSON.stringify(metricsArtifact(await sitePipeline())));
