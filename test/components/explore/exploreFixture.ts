// A small run for the Explore and notebook tests: two cohorts of patients with two or three patches each under two
// protocols, and their clinical rows (a number with many values, one with three, a category, a number with blanks).
// Deterministic: the values come from a fixed linear congruential sequence.
import type {CohortsArtifact} from "../../../src/components/artifacts.js";
import type {PredictionRecord} from "../../../src/components/predictions/predictionColumns.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface Fixture {
  predictions: PredictionRecord[];
  cohorts: Pick<CohortsArtifact, "clinical" | "clinicalColumns" | "cohorts" | "trainingCohort">;
}

export function exploreFixture(patientsPerCohort = 30): Fixture {
  const next = sequence(25);
  const predictions: PredictionRecord[] = [];
  const clinical: CohortsArtifact["clinical"] = [];
  for (const cohort of ["TRAIN", "EXT"]) {
    for (let i = 0; i < patientsPerCohort; i++) {
      const patientId = `${cohort}-${String(i + 1).padStart(3, "0")}`;
      const label = ResponseLabels[Math.floor(next() * 4)] as (typeof ResponseLabels)[number];
      const responder = label === "CR" || label === "PR";
      clinical.push({
        patient_id: patientId,
        cohort,
        label,
        age: 40 + Math.floor(next() * 40),
        sex: next() < 0.7 ? "M" : "F",
        tumour_number: 1 + Math.floor(next() * 3),
        afp: next() < 0.15 ? null : Math.round(next() * 4000) / 10,
      });
      const patches = 2 + Math.floor(next() * 2);
      for (const protocol of ["paper", "corrected"] as const) {
        for (let k = 0; k < patches; k++) {
          const lean = (responder ? 0.25 : -0.25) * (protocol === "corrected" ? 1.5 : 1);
          const raw = [next() + lean, next() + lean, next() - lean, next() - lean].map((v) => Math.max(0.01, v));
          const sum = raw.reduce((s, v) => s + v, 0);
          const probabilities = raw.map((v) => v / sum) as [number, number, number, number];
          predictions.push({
            protocol,
            patientId,
            cohort,
            patchId: `${patientId}-s${k}-p0`,
            label,
            probabilities,
            split: cohort === "TRAIN" ? "training" : "validation",
          });
        }
      }
    }
  }
  return {
    predictions,
    cohorts: {
      cohorts: ["TRAIN", "EXT"],
      trainingCohort: "TRAIN",
      clinical,
      clinicalColumns: ["age", "sex", "tumour_number", "afp"],
    },
  };
}
