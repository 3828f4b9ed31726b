// Data loader: the resolved configuration, the protocol table and each protocol's provenance (data/protocol.json).
import {protocolArtifact} from "../../loaders/site/protocolArtifact.js";
import {sitePipeline} from "../../loaders/site/sitePipeline.js";

process.stdout.write(JSON.stringify(protocolArtifact(await sitePipeline())));
