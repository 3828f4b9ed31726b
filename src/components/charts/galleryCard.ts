import {formatFixed, formatPercent} from "../format/formatStat.js";
import {classColors} from "../specs/palette.js";
import {type ResponseLabel, ResponseLabels} from "../study/vocabulary.js";
import type {GalleryItem} from "../tables/filterGallery.js";
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
  context: string | null;
}

/** One of a card's three panels, as Fig 4 draws them: the CT around the tumour, the 224 px patch, its CAM. */
export interface CardPanel {
  kind: "context" | "patch" | "cam";
  src: string | null;
  alt: string;
  /** What the panel shows, under it; "no …" when its image is missing. */
  caption: string;
}

/**
 * The panels of a card, left to right. The context caption gives the patch's size in mm and its enlargement to
 * 224 px, so a reader sees how much tumour the patch holds; a missing image says so rather than leaving a gap.
 */
export function cardPanels(item: GalleryItem, images: CardImages): CardPanel[] {
  const size =
    item.sizeMm === undefined
      ? ""
      : ` · ${formatFixed(item.sizeMm, 1)} mm${item.magnification === undefined ? "" : `, ×${formatFixed(item.magnification, 1)}`}`;
  return [
    {
      kind: "context",
      src: images.context,
      alt: `CT around the tumour, slice ${item.sliceIndex}, ROI outline and patch box`,
      caption: images.context ? `slice ${item.sliceIndex}${size}` : "no context crop",
    },
    {kind: "patch", src: images.image, alt: `patch ${item.patchId}`, caption: images.image ? "patch" : "no image"},
    {
      kind: "cam",
      src: item.hasCam ? images.cam : null,
      alt: `class activation map for ${item.predicted}`,
      caption: item.hasCam && images.cam ? `CAM (${item.predicted})` : "no activation map",
    },
  ];
}

/**
 * A gallery card: three panels (cardPanels: the CT around the tumour with the ROI outline and patch box, the patch
 * with its class activation map on top when `showCam`, and the CAM on its own), the true and predicted
 * classes in their colours with ✓/✗, cohort, patient and slice, the probability bar and the probabilities. The figure
 * carries `data-patch-id`, `data-label`, `data-predicted` for tests; the class colours and bar widths are the only
 * inline styles, because they come from the data.
 */
export function galleryCard(item: GalleryItem, images: CardImages, showCam: boolean): HTMLElement {
  const picture = (src: string, attributes: Record<string, string>) =>
    el("img", {src, width: 140, height: 140, ...attributes});
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
      {class: "patch-panels"},
      ...cardPanels(item, images).map((panel) =>
        el(
          "div",
          {class: `patch-panel ${panel.kind}-panel`},
          el(
            "div",
            {class: "patch-image"},
            panel.src
              ? picture(panel.src, {class: `${panel.kind}-img`, alt: panel.alt})
              : el("div", {class: "missing"}, "—"),
            panel.kind === "patch" && showCam && images.cam
              ? picture(images.cam, {class: "cam", alt: "class activation map"})
              : null,
          ),
          el("small", {}, panel.caption),
        ),
      ),
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
