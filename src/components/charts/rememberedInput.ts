import {type Codec, choiceCodec, readParam, writeParam} from "./urlState.js";

/**
 * A control that keeps its value when the cell that draws it runs again, and whose value is in the page's URL.
 *
 * Observable Framework redraws a cell's inputs whenever a value they depend on changes (the protocol radio redraws the
 * cohort and level selects, whose options come from the chosen protocol), and a redrawn input starts from its
 * default: a reader comparing protocols would silently compare different cohorts. The page remembers each control's
 * last value by a key, in this module (loaded once per page), and a redrawn control starts from it when it is still
 * one of its options.
 *
 * Each remembered value is also written to the URL's query string (`?cohort=SYUCC&level=patient`, by
 * history.replaceState: no reload, no new history entry), and a control with no remembered value yet starts from the
 * URL's, so a link opens the view it was copied from (issue #25). URL text is validated by the control's codec
 * (urlState.ts): a value that is not one of the control's options gives the default, never an error.
 */

/** What a control may take: its list of options (compared by `String(option)`) or a codec for other values. */
export type Choices<T> = readonly T[] | Codec<T>;

const codecOf = <T>(choices: Choices<T>): Codec<T> =>
  Array.isArray(choices) ? choiceCodec(choices as readonly T[]) : (choices as Codec<T>);

/** Each key's last value as its URL text, in the order the page first remembered them. */
const texts = new Map<string, string>();
const listeners = new Set<() => void>();

/** The page's query string; "" outside a browser (the unit tests). */
const currentSearch = (): string => (typeof location === "undefined" ? "" : location.search);

/** Puts `key=text` in the address bar without reloading the page. */
function writeUrl(key: string, text: string): void {
  if (typeof location === "undefined" || typeof history === "undefined") return;
  const search = writeParam(location.search, key, text);
  if (search === location.search) return;
  try {
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  } catch {
    // A page whose URL cannot be rewritten (an opaque origin, e.g. a sandboxed frame) still keeps its values in
    // memory; only the link is lost, and the copy-link button then copies the address as it stands.
  }
}

/**
 * The value `key` last had on this page, else the URL's value of `key`, when it is one of `choices`; otherwise
 * `fallback`. Never throws on what the URL holds.
 */
export function rememberedValue<T>(key: string, choices: Choices<T>, fallback: T): T {
  const text = texts.get(key) ?? readParam(currentSearch(), key);
  const value = text === undefined ? undefined : codecOf(choices).decode(text);
  return value === undefined ? fallback : value;
}

/**
 * Records the input's value under `key` now and on every change, in the page's memory and in its URL, encoded by
 * `choices` (the same as given to rememberedValue for this key); returns the input.
 */
export function remember<T, E extends EventTarget & {value: T}>(key: string, input: E, choices: Choices<T>): E {
  const codec = codecOf(choices);
  const record = () => {
    const text = codec.encode(input.value);
    texts.set(key, text);
    writeUrl(key, text);
    for (const listener of listeners) listener();
  };
  record();
  input.addEventListener("input", record);
  return input;
}

/** Every remembered control of the page as [key, URL text], in the order first remembered. */
export function rememberedEntries(): Array<[string, string]> {
  return [...texts];
}

/** Calls `listener` after every recorded value; returns the function that stops it. */
export function onRemembered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
