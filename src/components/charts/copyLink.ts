import {button, el} from "./dom.js";
import {onRemembered, rememberedEntries} from "./rememberedInput.js";

/** "protocol corrected · cohort SYUCC · level patient": the page's controls as [key, URL text], in words. */
export function viewSettings(entries: ReadonlyArray<readonly [string, string]>): string {
  return entries.length === 0 ? "the page's defaults" : entries.map(([key, text]) => `${key} ${text}`).join(" · ");
}

/**
 * "Copy link to this view": copies the page's address, which holds every control's value (rememberedInput.ts), so a
 * collaborator opens the same view. Where the clipboard is not available (a page served over plain http from another
 * machine is not a secure context) the link is shown selected in a field, to copy by hand.
 *
 * Printed, the button is hidden with the other controls (style.css), and a line takes its place naming the view's
 * settings and its link: the printout shows what the controls held, and how to open it again.
 */
export function copyLink(): HTMLElement {
  const status = el("span", {class: "copy-link-status", role: "status"});
  const field = el("input", {
    type: "text",
    readonly: true,
    class: "copy-link-field",
    "aria-label": "Link to this view",
  });
  field.hidden = true;
  const settings = el("span", {id: "view-settings"});
  const address = el("code", {id: "view-link"});
  const printed = el("p", {class: "view-summary", id: "view-summary"}, "This view: ", settings, " · link ", address);
  const render = () => {
    settings.textContent = viewSettings(rememberedEntries());
    address.textContent = location.href;
  };
  onRemembered(render);
  render();
  const copy = button(
    "Copy link to this view",
    async () => {
      const href = location.href;
      try {
        // A missing clipboard (not a secure context) throws here too, into the same fallback.
        await navigator.clipboard.writeText(href);
        field.hidden = true;
        status.textContent = "Link copied.";
      } catch {
        field.value = href;
        field.hidden = false;
        field.select();
        status.textContent = "Copy the link from the box (Ctrl+C or ⌘C).";
      }
    },
    {id: "copy-link"},
  );
  return el("div", {class: "copy-link"}, copy, " ", field, " ", status, printed);
}
