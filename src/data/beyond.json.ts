// Data loader: the analyses beyond the paper (clinical baseline, across centres, ordinal, calibration, sample size).
import {siteBeyond} from "../../loaders/site/siteBeyond.js";

process.stdout.write(JSON.stringify(await siteBeyond()));
