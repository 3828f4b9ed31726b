import type {Child} from "../tables/column.js";

/** A child of `el`: nodes, text, or nothing (null/false are skipped so conditionals read naturally). */
export type {Child};

/**
 * Creates an element with attributes (`class`, `id`, `data-*`, `style`, …) and children. Event handlers are attached
 * with `on: {click: …}`. The only place charts/ creates DOM nodes by hand, so pages and components agree on markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | null | undefined> & {on?: never} = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "number" ? String(child) : child);
  }
  return node;
}

/** A button that runs `onClick`. */
export function button(label: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const b = el("button", {type: "button", ...attributes}, label);
  b.addEventListener("click", onClick);
  return b;
}

/** Saves a Blob or URL under `filename` through a temporary link. */
export function download(source: Blob | string, filename: string): void {
  const url = typeof source === "string" ? source : URL.createObjectURL(source);
  const a = el("a", {href: url, download: filename});
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof source !== "string") setTimeout(() => URL.revokeObjectURL(url), 1000);
}
