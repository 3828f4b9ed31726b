import {classColors} from "../specs/palette.js";
import {type ResponseLabel, ResponseLabels} from "../study/vocabulary.js";
import type {GalleryItem} from "../tables/filterGallery.js";
import {formatFixed, formatPercent} from "../tables/formatStat.js";
import {el} from "./dom.js";

/** One segment of a patch's probability bar: the class, its share of the bar's width and its colour. */
export interface ProbabilitySegment {
  label: ResponseLabel;
  width: string;
  color: string;
}

/** The probability bar of a patch: one segment per class, as wide as its probability (they sum to the full bar). */
export function probabilitySegments(item: Pick<GalleryItem, "probabilities">): ProbabilitySegment[] {
  return ResponseLabels.map((label, i) => ({
    label,
    width: formatPercent(item.probabilities[i], 1),
    color: classColors[label],
  }));
}

/** The probabilities in words, "CR 0.12 · PR 0.70 · SD 0.10 · PD 0.08". */
export function probabilityText(item: Pick<GalleryItem, "probabilities">): string {
  return ResponseLabels.map((label, i) => `${label} ${formatFixed(item.probabilities[i], 2)}`).join(" · ");
}

/**
 * Cards drawn at most, the most confident first: each card decodes one or two 224-px PNGs from the zip, and 60 keep
 * the page quick on a laptop while showing every class in every cohort of the demo.
 */
export const GalleryCardLimit = 60;

/** Where a card's images are: object URLs of the zip entries the item names (null when the entry is missing). */
export interface CardImages {
  image: string | null;
  cam: string | null;
}

/**
 * A gallery card: the patch (or "no image"), its class activation map on top when `showCam`, the true and predicted
 * classes in their colours with ✓/✗, cohort, patient and slice, the probability bar and the probabilities. The figure
 * carries `data-patch-id`, `data-label`, `data-predicted` for tests; the class colours and bar widths are the only
 * inline styles, because they come from the data.
 */
export function galleryCard(item: GalleryItem, images: CardImages, showCam: boolean): HTMLElement {
  const picture = (src: string, attributes: Record<string, string>) =>
    el("img", {src, width: 160, height: 160, ...attributes});
  const className = (label: ResponseLabel) => el("b", {style: `color:${classColors[label]}`}, label);
  return el(
    "figure",
    {
      class: `patch-card ${item.correct ? "correct" : "wrong"}`,
      "data-patch-id": item.patchId,
      "data-label": item.label,
      "data-predicted": item.predicted,
    },
    el(
      "div",
      {class: "patch-image"},
      images.image ? picture(images.image, {alt: `patch ${item.patchId}`}) : el("div", {class: "missing"}, "no image"),
      showCam && images.cam ? picture(images.cam, {class: "cam", alt: "class activation map"}) : null,
    ),
    el(
      "figcaption",
      {},
      className(item.label),
      " → ",
      className(item.predicted),
      item.correct ? " ✓" : " ✗",
      el("br"),
      `${item.cohort} · patient `,
      el("code", {}, item.patientId),
      ` · slice ${item.sliceIndex}`,
      el("br"),
      el(
        "span",
        {class: "probs"},
        ...probabilitySegments(item).map((s) =>
          el("span", {title: `P(${s.label})`, style: `width:${s.width};background:${s.color}`}),
        ),
      ),
      el("small", {}, probabilityText(item)),
      showCam && !item.hasCam ? el("br") : null,
      showCam && !item.hasCam ? el("small", {}, "no activation map for this patch") : null,
    ),
  );
}
