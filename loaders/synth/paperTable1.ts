import {ResponseLabels} from "../../src/components/study/vocabulary.js";

/**
 * Peng et al. 2020, Table 1 ("Participant characteristics in the training and validation cohorts"): the counts per
 * category and cohort, transcribed as printed. Counts, not percentages, are the source: the paper's percentages are
 * occasionally inconsistent with its counts (ZHHAJU HBsAg 80/89 is printed as 96.67%). One count is corrected where
 * the printed counts do not add up to the cohort size (marked below); a test checks every row sums to n.
 */
export const Centres = ["NFH", "ZHHAJU", "SYUCC"] as const;
export type Centre = (typeof Centres)[number];

export const CentreRoles: Record<Centre, "training" | "validation"> = {
  NFH: "training",
  ZHHAJU: "validation",
  SYUCC: "validation",
};

/** Each variable's categories in a fixed order; for ordered ones the first is the "favourable" end. */
export const table1 = {
  NFH: {
    n: 562,
    ageOver60: [394, 168],
    sex: [502, 60],
    hbsag: [514, 48],
    childPugh: [451, 111],
    altOver40: [240, 322],
    astOver40: [147, 415],
    afpOver20: [322, 240],
    cirrhosis: [294, 268],
    sizeBin: [83, 245, 234],
    numberOver3: [463, 99],
    response: [83, 151, 222, 106],
  },
  ZHHAJU: {
    n: 89,
    ageOver60: [61, 28],
    sex: [75, 14],
    hbsag: [80, 9],
    childPugh: [74, 15],
    altOver40: [45, 44],
    astOver40: [27, 62],
    afpOver20: [49, 40],
    cirrhosis: [40, 49],
    sizeBin: [12, 37, 40],
    numberOver3: [77, 12],
    response: [13, 24, 35, 17],
  },
  SYUCC: {
    n: 138,
    ageOver60: [100, 38],
    sex: [123, 15],
    hbsag: [125, 13],
    // Printed "111 (80.43%)" and "28 (19.57%)", which sum to 139 of 138; 19.57% of 138 is 27, so 27 it is.
    childPugh: [111, 27],
    altOver40: [69, 69],
    astOver40: [37, 101],
    afpOver20: [83, 55],
    cirrhosis: [70, 68],
    sizeBin: [22, 52, 64],
    numberOver3: [114, 24],
    response: [21, 37, 54, 26],
  },
} as const satisfies Record<Centre, Record<string, number | readonly number[]>>;

/** Category names, index-aligned with the count arrays above. */
export const Table1Categories = {
  ageOver60: ["≤60", ">60"],
  sex: ["M", "F"],
  hbsag: ["positive", "negative"],
  childPugh: ["A", "B"],
  altOver40: ["≤40", ">40"],
  astOver40: ["≤40", ">40"],
  afpOver20: ["≤20", ">20"],
  cirrhosis: ["yes", "no"],
  sizeBin: ["≤5", "5–10", ">10"],
  numberOver3: ["≤3", ">3"],
  response: ResponseLabels,
} as const;

export type Table1Variable = keyof typeof Table1Categories;
