// Data loader: the TRIPOD+AI checklist answered from this run's artifacts (src/components/tripod/tripodChecklist.ts).

import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";
import {siteCohorts, siteProtocol} from "../../loaders/site/siteArtifacts.js";
import {siteClinicalBaseline} from "../../loaders/site/siteClinicalBaseline.js";
import {siteOptimism} from "../../loaders/site/siteOptimism.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";
import {tripodChecklist} from "../../src/components/tripod/tripodChecklist.js";

const analyses = {
  clinicalBaseline: await siteClinicalBaseline(),
  acrossCentres: await siteAnalysis("acrossCentres"),
  calibrationExtras: await siteAnalysis("calibrationExtras"),
  sampleSize: await siteAnalysis("sampleSize"),
};
const [protocol, cohorts, optimism] = [await siteProtocol(), await siteCohorts(), await siteOptimism()];
writeDataFile("tripod.json", tripodChecklist({protocol, cohorts, analyses, optimism}));
