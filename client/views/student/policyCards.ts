// Compact policy choices as a radio group: name and a one-line summary per policy, the description and
// cost behind a "Details" button; the colour is a side stripe, never the only cue.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import { h, uid } from "../../ui/dom.ts";

export interface PolicyPicker {
  element: HTMLElement;
  getValue(): string | null;
}

export function createPolicyCards(scenario: Scenario, options: { selected: string | null; legend: string; onChange?: (id: string) => void }): PolicyPicker {
  const lang = getLanguage();
  const name = uid("policy");
  const inputs: HTMLInputElement[] = [];
  const choices = scenario.policies.map((p) => {
    const summaryId = uid("policy-summary");
    const input = h("input", { attrs: { type: "radio", name, value: p.id, checked: p.id === options.selected, "aria-describedby": summaryId } });
    input.addEventListener("change", () => options.onChange?.(p.id));
    inputs.push(input);
    const detailsId = uid("policy-details");
    const details = h(
      "div",
      { id: detailsId, class: "policy-details", attrs: { hidden: true } },
      h("p", {}, p.description[lang]),
      h("p", { class: "policy-cost" }, t("policy.cost", { cost: p.cost[lang] })),
    );
    const toggle = h(
      "button",
      {
        class: "policy-more",
        attrs: { type: "button", "aria-expanded": "false", "aria-controls": detailsId, "aria-label": t("propose.policy.detailsOf", { policy: p.name[lang] }) },
        on: {
          click: () => {
            const open = details.hidden;
            details.hidden = !open;
            toggle.setAttribute("aria-expanded", String(open));
          },
        },
      },
      // A chevron: the accessible name says what it opens, and 44 px of width leave the name room.
      h("span", { class: "policy-more-icon", attrs: { "aria-hidden": "true" } }, "▾"),
    );
    return h(
      "div",
      { class: "policy-choice", attrs: { style: `--policy-color:${p.color}` } },
      h(
        "div",
        { class: "policy-row" },
        h("label", { class: "policy-card" }, input, h("strong", { class: "policy-name" }, p.name[lang])),
        toggle,
      ),
      h("p", { id: summaryId, class: "policy-summary" }, p.summary[lang]),
      details,
    );
  });
  const element = h("fieldset", { class: "policy-cards" }, h("legend", {}, options.legend), ...choices);
  return { element, getValue: () => inputs.find((i) => i.checked)?.value ?? null };
}
