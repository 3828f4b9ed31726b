// Data loader: the TRIPOD+AI checklist answered from this run's artifacts (src/components/beyond/tripodChecklist.ts).

import {siteCohorts, siteProtocol} from "../../loaders/site/siteArtifacts.js";
import {siteBeyond} from "../../loaders/site/siteBeyond.js";
import {tripodChecklist} from "../../src/components/beyond/tripodChecklist.js";

const [protocol, cohorts, beyond] = [await siteProtocol(), await siteCohorts(), await siteBeyond()];
process.stdout.write(JSON.stringify(tripodChecklist({protocol, cohorts, beyond: beyond.beyond})));
