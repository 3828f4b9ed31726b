/**
 * A page's controls in its URL's query string, so that a view can be sent as a link (issue #25). Pure functions: a
 * codec turns a control's value into the text of one query parameter and back, and validates on the way back, so a
 * link someone edited, or a link made before the study changed (a cohort that no longer exists, a level the build has
 * no results for), yields `undefined` and the control falls back to its default. Nothing here throws on bad text.
 *
 * The query string rather than the hash: Framework's table of contents links are `#section` anchors, and following
 * one would replace a view kept in the hash.
 */

/** One control's value as the text of a query parameter, and back (`undefined`: not a value of this control). */
export interface Codec<T> {
  encode: (value: T) => string;
  decode: (text: string) => T | undefined;
}

/**
 * One of `options`, named in the URL by `name` (default: the option itself as a string; e.g. `(m) => m.key` for the
 * CI methods, whose options are objects). Options are compared by name, so a redrawn control whose options are new
 * objects still finds the same choice. Names must differ between options; the first option of a name wins.
 */
export function choiceCodec<T>(options: readonly T[], name: (option: T) => string = String): Codec<T> {
  return {
    encode: (value) => name(value),
    decode: (text) => options.find((option) => name(option) === text),
  };
}

/** A plain decimal as JavaScript prints numbers (`String(x)`), and nothing else (no hex, no "Infinity", no blanks). */
const decimal = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export interface NumberBounds {
  min?: number;
  max?: number;
  /** Whole numbers only (a seed). */
  integer?: boolean;
}

/**
 * A finite number within `bounds` (a range slider's [min, max]). Not held to a slider's step here: Observable's range
 * input rounds a value it is given to its step itself, as it does what a reader types. `String(x)` is the shortest
 * text that reads back as exactly `x`, so a number survives the round trip bit for bit.
 */
export function numberCodec(bounds: NumberBounds = {}): Codec<number> {
  const {min = -Infinity, max = Infinity, integer = false} = bounds;
  return {
    encode: (value) => String(value),
    decode: (text) => {
      if (!decimal.test(text)) return undefined;
      const value = Number(text);
      if (!Number.isFinite(value) || value < min || value > max) return undefined;
      if (integer && !Number.isSafeInteger(value)) return undefined;
      return value;
    },
  };
}

/** A toggle: "true" or "false". */
export const booleanCodec: Codec<boolean> = {
  encode: (value) => (value ? "true" : "false"),
  decode: (text) => (text === "true" ? true : text === "false" ? false : undefined),
};

/**
 * A button whose value is `null` until pressed and then the time of the press (Inputs.button with a `reduce`), kept
 * as whether it was pressed: a link to a view that shows what the button computes opens with it computed. A press
 * restored from a link has the value 0 (pressed, at no particular time).
 */
export const pressedCodec: Codec<number | null> = {
  encode: (value) => (value === null ? "false" : "true"),
  decode: (text) => (text === "true" ? 0 : text === "false" ? null : undefined),
};

/** The text of `key` in a query string (`?a=1&b=2`, with or without the "?"); `undefined` when absent. */
export function readParam(search: string, key: string): string | undefined {
  return new URLSearchParams(search).get(key) ?? undefined;
}

/** `search` with `key` set to `text` (in place when present, else appended), every other parameter kept in order. */
export function writeParam(search: string, key: string, text: string): string {
  const params = new URLSearchParams(search);
  params.set(key, text);
  return `?${params}`;
}

/** The value of `key` in `search` when it decodes to a value of the control; otherwise `undefined`. */
export function decodeParam<T>(search: string, key: string, codec: Codec<T>): T | undefined {
  const text = readParam(search, key);
  return text === undefined ? undefined : codec.decode(text);
}
