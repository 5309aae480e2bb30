// The map on a phone, without the board engine: an SVG of the regions shaded by homicides, each marked with
// its rank, and the same regions as a ranked list (level, homicides, groups, this round's captures) that says it all in words.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t, tn } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import { getMapModel } from "../../viewModels/mapModel.ts";
import { getGroupTokens } from "../../viewModels/tokensModel.ts";
import { svg, toCssColor } from "./svg.ts";

/** Margin around the regions' outlines, in map units, so the rank marks at the edge are not cut. */
const PAD = 16;

export function createRegionMap(scenario: Scenario, snapshot: SessionSnapshot): HTMLElement {
  const lang = getLanguage();
  const map = getMapModel(scenario, snapshot, lang);
  const tokens = new Map(getGroupTokens(scenario, snapshot).map((r) => [r.regionId, r]));
  const ranked = [...map.regions].sort((a, b) => b.homicides - a.homicides || a.name.localeCompare(b.name));
  const rank = new Map(ranked.map((r, i) => [r.id, i + 1]));
  const xs = map.regions.flatMap((r) => r.polygon.map(([x]) => x));
  const ys = map.regions.flatMap((r) => r.polygon.map(([, y]) => y));
  const [minX, minY] = [Math.min(...xs) - PAD, Math.min(...ys) - PAD];
  const [width, height] = [Math.max(...xs) + PAD - minX, Math.max(...ys) + PAD - minY];
  const worst = ranked[0];
  const picture = svg(
    "svg",
    { class: "phone-map-svg", viewBox: `${minX} ${minY} ${width} ${height}`, role: "img", "aria-label": worst ? t("phone.map.alt", { region: worst.name, homicides: worst.homicidesText }) : t("board.compactTitle") },
    ...map.regions.map((r) => svg("polygon", { points: r.polygon.map((p) => p.join(",")).join(" "), fill: toCssColor(r.level.fill), stroke: "#1a1a1a", "stroke-width": 2, "stroke-linejoin": "round" })),
    ...map.regions.map((r) => {
      const [x, y] = r.label;
      return svg(
        "g",
        { class: "rank-mark" },
        svg("circle", { cx: x, cy: y, r: 26, fill: "#ffffff", stroke: "#1a1a1a", "stroke-width": 3 }),
        svg("text", { x, y, "text-anchor": "middle", "dominant-baseline": "central", "font-size": 34, "font-weight": 700, fill: "#1a1a1a" }, String(rank.get(r.id) ?? "")),
      );
    }),
  );
  const legend = h(
    "ul",
    { class: "map-legend", attrs: { "aria-label": t("phone.map.legend") } },
    ...map.legend.map((l) => h("li", {}, h("span", { class: "swatch", attrs: { style: `background:${toCssColor(l.level.fill)}`, "aria-hidden": "true" } }), l.label)),
  );
  const list = h(
    "ol",
    { class: "region-ranking" },
    ...ranked.map((r) => {
      const here = tokens.get(r.id);
      const captured = here && here.captures > 0 ? tn("phone.region.captures", here.captures) : "";
      return h(
        "li",
        { class: "region-row", attrs: { "data-region": r.id } },
        h("span", { class: "swatch", attrs: { style: `background:${toCssColor(r.level.fill)}`, "aria-hidden": "true" } }),
        h(
          "span",
          { class: "region-text" },
          h("strong", {}, r.name),
          h("span", { class: "region-numbers" }, t("board.region.values", { homicides: r.homicidesText, groups: tn("board.region.groups", r.groups) })),
          captured ? h("span", { class: "region-captures" }, captured) : null,
        ),
      );
    }),
  );
  return h("div", { class: "phone-map" }, picture, h("p", { class: "legend-title" }, t("phone.map.legend")), legend, h("p", { class: "hint" }, t("phone.map.ranking")), list);
}
