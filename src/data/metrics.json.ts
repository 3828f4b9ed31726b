// Data loader: the build-time evaluation of both protocols, as `workbench evaluate` writes it (data/metrics.json).
import {siteMetrics} from "../../loaders/site/siteArtifacts.js";

process.stdout.write(JSON.stringify(await siteMetrics()));
