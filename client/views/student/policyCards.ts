// Policy cards as a radio group: name, one-line summary, what it costs; the colour is a side stripe, never the only cue.
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
  const cards = scenario.policies.map((p) => {
    const input = h("input", { attrs: { type: "radio", name, value: p.id, checked: p.id === options.selected } });
    input.addEventListener("change", () => options.onChange?.(p.id));
    inputs.push(input);
    return h(
      "label",
      { class: "policy-card", attrs: { style: `--policy-color:${p.color}` } },
      input,
      h("span", { class: "policy-body" }, h("strong", { class: "policy-name" }, p.name[lang]), h("span", { class: "policy-summary" }, p.summary[lang]), h("span", { class: "policy-cost" }, t("policy.cost", { cost: p.cost[lang] }))),
    );
  });
  const element = h("fieldset", { class: "policy-cards" }, h("legend", {}, options.legend), ...cards);
  return { element, getValue: () => inputs.find((i) => i.checked)?.value ?? null };
}
