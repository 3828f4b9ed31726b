/**
 * A control that keeps its value when the cell that draws it runs again. Observable Framework redraws a cell's inputs
 * whenever a value they depend on changes (the protocol radio redraws the cohort and level selects, whose options
 * come from the chosen protocol), and a redrawn input starts from its default: a reader comparing protocols would
 * silently compare different cohorts. The page remembers each control's last value by a key, in this module (loaded
 * once per page), and a redrawn control starts from it when it is still one of its options.
 */
const values = new Map<string, unknown>();

/** The value `key` last had, when it is one of `options`; otherwise `fallback`. */
export function rememberedValue<T>(key: string, options: readonly T[], fallback: T): T {
  const last = values.get(key);
  return options.includes(last as T) ? (last as T) : fallback;
}

/** Records the input's value under `key` now and on every change; returns the input. */
export function remember<E extends EventTarget & {value: unknown}>(key: string, input: E): E {
  values.set(key, input.value);
  input.addEventListener("input", () => values.set(key, input.value));
  return input;
}
