// The custom path's per-round mix editor: effort weights per policy and round (each round is normalised to shares).
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { CustomPath } from "./previewModel.ts";
import { normaliseMix } from "../../shared/rules/policyMix.ts";
import { formatValue, localize, t } from "./editorI18n.ts";
import { h } from "../ui/dom.ts";

export function createCustomPathEditor(scenario: Scenario, path: CustomPath, onChange: (path: CustomPath) => void): HTMLElement {
  const ids = scenario.policies.map((p) => p.id);
  const shareCells: HTMLElement[][] = scenario.policies.map(() => []);
  const current = path.map((round) => ({ ...round }));
  const refreshShares = (round: number) => {
    const mix = normaliseMix(current[round] ?? {}, ids);
    ids.forEach((id, pi) => {
      const cell = shareCells[pi]?.[round];
      if (cell) cell.textContent = `${formatValue(Math.round((mix[id] ?? 0) * 100))}%`;
    });
  };
  const rows = scenario.policies.map((policy, pi) =>
    h(
      "tr",
      {},
      h("th", { attrs: { scope: "row" } }, localize(policy.name) || policy.id),
      ...scenario.rounds.map((_, ri) => {
        const input = h("input", { attrs: { type: "number", min: 0, max: 100, step: 1, inputmode: "numeric", "aria-label": t("custom.cellLabel", { policy: localize(policy.name) || policy.id, round: ri + 1 }) } });
        input.value = String(current[ri]?.[policy.id] ?? 0);
        input.addEventListener("input", () => {
          const value = Math.max(0, Number(input.value) || 0);
          current[ri] = { ...(current[ri] ?? {}), [policy.id]: value };
          refreshShares(ri);
          onChange(current.map((r) => ({ ...r })));
        });
        const share = h("span", { class: "share", attrs: { "aria-hidden": "true" } });
        (shareCells[pi] ??= [])[ri] = share;
        return h("td", {}, input, share);
      }),
    ),
  );
  const table = h(
    "table",
    { class: "mix-table" },
    h("caption", {}, t("custom.caption")),
    h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, t("custom.policy")), ...scenario.rounds.map((r, i) => h("th", { attrs: { scope: "col" } }, t("custom.round", { number: i + 1 }), h("span", { class: "visually-hidden" }, ` ${localize(r.title)}`))))),
    h("tbody", {}, ...rows),
  );
  scenario.rounds.forEach((_, ri) => refreshShares(ri));
  return h("div", { class: "mix-editor" }, h("p", { class: "hint" }, t("custom.hint")), h("div", { class: "table-scroll" }, table));
}
