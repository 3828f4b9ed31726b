import type {AblationArtifact} from "../ablation/ablationArtifact.js";
import type {
  AcrossCentresData,
  CalibrationExtrasData,
  ClinicalBaselineData,
  OrdinalData,
  SampleSizeData,
} from "../analysis/analysisArtifacts.js";
import type {
  CohortsArtifact,
  GeometrySensitivityArtifact,
  MetricsArtifact,
  ProtocolArtifact,
  TrainingArtifact,
} from "../artifacts.js";
import type {ClaimItem} from "../claim/claimContext.js";
import type {OptimismArtifact} from "../optimism/optimismArtifact.js";
import type {ReadersData} from "../readers/readersArtifact.js";
import type {PaperScaleMeasurement, PaperScaleTarget} from "../scale/paperScaleMeasurement.js";
import type {SurvivalData} from "../survival/survivalArtifact.js";
import type {TripodItem} from "../tripod/tripodContext.js";

/**
 * Every JSON data file of the site, by name, with the type its loader writes and its page reads: the one list of the
 * site's contracts. A loader writes through `writeDataFile(name, value)` (loaders/site/writeDataFile.ts), so what it
 * writes is checked against this type; test/components/contracts/dataFiles.test.ts checks that every loader in
 * src/data/ is listed here and writes its own name. The other files are not JSON: predictions.csv and
 * ablation-predictions.csv (src/components/predictions/ columns), gallery.zip (GalleryArtifact in artifacts.ts), the
 * Your predictions worker bundle and the demo model's notes (HTML).
 */
export interface JsonDataFiles {
  "protocol.json": ProtocolArtifact;
  "cohorts.json": CohortsArtifact;
  "training.json": TrainingArtifact;
  "metrics.json": MetricsArtifact;
  "geometry.json": GeometrySensitivityArtifact;
  "ablation.json": AblationArtifact;
  "optimism.json": OptimismArtifact;
  "clinical-baseline.json": ClinicalBaselineData;
  "across-centres.json": AcrossCentresData;
  "ordinal.json": OrdinalData;
  "calibration-extras.json": CalibrationExtrasData;
  "sample-size.json": SampleSizeData;
  "readers.json": ReadersData;
  "survival.json": SurvivalData;
  "tripod.json": TripodItem[];
  "claim.json": ClaimItem[];
  "paper-scale.json": {measurement: PaperScaleMeasurement; targets: PaperScaleTarget[]};
}

export type JsonDataFile = keyof JsonDataFiles;
