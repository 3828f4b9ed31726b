// Data loader: the resolved configuration, the protocol table and each protocol's provenance (data/protocol.json).
import {siteProtocol} from "../../loaders/site/siteArtifacts.js";

process.stdout.write(JSON.stringify(await siteProtocol()));
