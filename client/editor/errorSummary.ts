// The list of every problem in the draft, each a link that jumps to its field; the count is announced to screen readers.
import type { PlacedError } from "./fieldRegistry.ts";
import { getAt } from "./scenarioPath.ts";
import type { PathSegment } from "./scenarioPath.ts";
import { localize, t } from "./editorI18n.ts";
import { h } from "../ui/dom.ts";

const MAX_SHOWN = 40;

/** `policies[2].name.en` → ["policies", 2, "name", "en"]. */
export function parsePathText(path: string): PathSegment[] {
  if (path === "(root)") return [];
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(match[2]);
  }
  return segments;
}

/** A readable place for an error: the item's name instead of its index where the draft has one. */
export function describePath(data: unknown, path: string): string {
  const segments = parsePathText(path);
  if (segments.length === 0) return t("errors.wholeScenario");
  const parts: string[] = [];
  segments.forEach((segment, i) => {
    if (typeof segment === "number") {
      const item = getAt(data, segments.slice(0, i + 1)) as Record<string, unknown> | undefined;
      const name = localize(item?.name) || localize(item?.title) || (typeof item?.id === "string" ? item.id : "");
      parts.push(name ? `“${name}”` : `#${segment + 1}`);
    } else {
      parts.push(segment);
    }
  });
  return parts.join(" › ");
}

export interface ErrorSummary {
  element: HTMLElement;
  update(errors: readonly PlacedError[], data: unknown, source: "local" | "server"): void;
}

export function createErrorSummary(onJump: (fieldPath: string) => void): ErrorSummary {
  const heading = h("h2", { id: "error-summary-heading", attrs: { tabindex: -1 } });
  const list = h("ul", { class: "error-list" });
  const more = h("p", { class: "hint" });
  const live = h("p", { class: "visually-hidden", attrs: { "aria-live": "polite" } });
  const box = h("section", { class: "error-summary", attrs: { "aria-labelledby": "error-summary-heading", hidden: true } }, heading, list, more);
  let lastCount = -1;
  return {
    element: h("div", {}, box, live),
    update(errors, data, source) {
      box.hidden = errors.length === 0;
      heading.textContent = source === "server" ? t("errors.serverTitle", { count: errors.length }) : t("errors.title", { count: errors.length });
      list.replaceChildren(
        ...errors.slice(0, MAX_SHOWN).map((e) => {
          const link = h("a", { attrs: { href: `#${encodeURIComponent(e.fieldPath ?? "(root)")}`, "data-path": e.path } }, `${describePath(data, e.path)}: `, h("span", { class: "message" }, e.message));
          link.addEventListener("click", (event) => {
            event.preventDefault();
            onJump(e.fieldPath ?? "(root)");
          });
          return h("li", {}, link);
        }),
      );
      more.textContent = errors.length > MAX_SHOWN ? t("errors.more", { count: errors.length - MAX_SHOWN }) : "";
      if (errors.length !== lastCount) live.textContent = errors.length === 0 ? t("errors.none") : t("errors.title", { count: errors.length });
      lastCount = errors.length;
    },
  };
}
