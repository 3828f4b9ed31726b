// Data loader: the resolved configuration, the protocol table and each protocol's provenance (data/protocol.json).
import {siteProtocol} from "../../loaders/site/siteArtifacts.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";

writeDataFile("protocol.json", await siteProtocol());
