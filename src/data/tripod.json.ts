// Data loader: the TRIPOD+AI checklist answered from this run's artifacts (src/components/tripod/tripodChecklist.ts).

import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";
import {siteCohorts, siteProtocol} from "../../loaders/site/siteArtifacts.js";
import {siteClinicalBaseline} from "../../loaders/site/siteClinicalBaseline.js";
import {tripodChecklist} from "../../src/components/tripod/tripodChecklist.js";

const analyses = {
  clinicalBaseline: await siteClinicalBaseline(),
  acrossCentres: await siteAnalysis("acrossCentres"),
  calibrationExtras: await siteAnalysis("calibrationExtras"),
  sampleSize: await siteAnalysis("sampleSize"),
};
const [protocol, cohorts] = [await siteProtocol(), await siteCohorts()];
process.stdout.write(JSON.stringify(tripodChecklist({protocol, cohorts, analyses})));
