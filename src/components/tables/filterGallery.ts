import type {GalleryArtifact} from "../artifacts.js";

export type GalleryItem = GalleryArtifact["items"][number];

export interface GalleryFilter {
  /** "All" or a class / cohort name. */
  truth: string;
  predicted: string;
  cohort: string;
  outcome: "all" | "correct" | "misclassified";
  /** Range of the predicted class's probability (the model's confidence). */
  minConfidence: number;
  maxConfidence: number;
}

/** Probability of the predicted class. */
export function confidence(item: GalleryItem): number {
  return Math.max(...item.probabilities);
}

/**
 * Gallery items passing `filter`, most confident first (ties by patch id, so the order is stable). Pure.
 */
export function filterGallery(items: readonly GalleryItem[], filter: GalleryFilter): GalleryItem[] {
  return items
    .filter(
      (g) =>
        (filter.truth === "All" || g.label === filter.truth) &&
        (filter.predicted === "All" || g.predicted === filter.predicted) &&
        (filter.cohort === "All" || g.cohort === filter.cohort) &&
        (filter.outcome === "all" || (filter.outcome === "correct") === g.correct) &&
        confidence(g) >= filter.minConfidence &&
        confidence(g) <= filter.maxConfidence,
    )
    .sort((a, b) => confidence(b) - confidence(a) || (a.patchId < b.patchId ? -1 : a.patchId > b.patchId ? 1 : 0));
}
