// Data loader: the CLAIM 2024 checklist answered from this run's artifacts (src/components/claim/claimChecklist.ts).

import {siteAnalysis} from "../../loaders/site/siteAnalysis.js";
import {siteCohorts, siteProtocol} from "../../loaders/site/siteArtifacts.js";
import {siteClinicalBaseline} from "../../loaders/site/siteClinicalBaseline.js";
import {siteOptimism} from "../../loaders/site/siteOptimism.js";
import {siteReaders} from "../../loaders/site/siteReaders.js";
import {writeDataFile} from "../../loaders/site/writeDataFile.js";
import {claimChecklist} from "../../src/components/claim/claimChecklist.js";

const analyses = {
  clinicalBaseline: await siteClinicalBaseline(),
  acrossCentres: await siteAnalysis("acrossCentres"),
  calibrationExtras: await siteAnalysis("calibrationExtras"),
  sampleSize: await siteAnalysis("sampleSize"),
};
const [protocol, cohorts, optimism, readers] = [
  await siteProtocol(),
  await siteCohorts(),
  await siteOptimism(),
  await siteReaders(),
];
writeDataFile("claim.json", claimChecklist({protocol, cohorts, analyses, optimism, readers}));
