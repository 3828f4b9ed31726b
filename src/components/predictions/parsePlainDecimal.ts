/**
 * A number as statistics packages write one: optional sign, digits with an optional fraction (or a leading-dot
 * fraction), an optional exponent — 0.25, .25, 1, 1e-3, 2.5E-05, -0. JavaScript's Number() also accepts "0x1",
 * "0b1", "Infinity", " " and "" (as 0), which in a predictions file are export accidents, not probabilities; they
 * are refused here. -0 is read as 0. Returns undefined for anything else.
 */
const decimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parsePlainDecimal(text: string): number | undefined {
  if (!decimal.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value + 0 : undefined;
}
