// The vote reveal as an accessible list of bars: policy, share of the mix (number and bar), votes or points.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { formatNumber, getLanguage, t, tn } from "../i18n/i18n.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { h } from "../ui/dom.ts";
import { getRevealBars } from "../viewModels/voteModel.ts";

/** `onlyBacked` leaves out policies nobody backed (phones), summing them in one line. */
export function createRevealBars(scenario: Scenario, snapshot: SessionSnapshot, options: { onlyBacked: boolean } = { onlyBacked: false }): HTMLElement {
  const all = getRevealBars(scenario, snapshot, getLanguage());
  const bars = options.onlyBacked ? all.filter((b) => b.share > 0 || b.votes > 0) : all;
  const unbacked = all.length - bars.length;
  const unit = snapshot.voteMode === "points" ? "reveal.points" : "reveal.votes";
  return h(
    "ul",
    { class: "reveal-bars", attrs: { "aria-label": t("reveal.title") } },
    ...bars.map((b) =>
      h(
        "li",
        { class: "reveal-bar" },
        h("span", { class: "reveal-name" }, b.name),
        h("span", { class: "reveal-track", attrs: { "aria-hidden": "true" } }, h("span", { class: "reveal-fill", attrs: { style: `width:${Math.round(b.share * 100)}%;background:#${b.color.toString(16).padStart(6, "0")}` } })),
        h("span", { class: "reveal-number" }, `${formatNumber(b.share, { style: "percent" })} · ${tn(unit, b.votes)}`),
      ),
    ),
    unbacked > 0 ? h("li", { class: "muted" }, tn("reveal.unbacked", unbacked)) : null,
  );
}
