// Form for the policies: texts EN/ES, lever sliders, yearly cost, figures cited and colour; add and remove policies.
import { LEVERS } from "../../../shared/content/vocabulary.ts";
import type { FormContext } from "../fields.ts";
import { colorField, idChecklist, localizedField, numberField, registerGroup, sliderField, textField } from "../fields.ts";
import { getFreeId } from "../fieldValues.ts";
import { getFigureChoices } from "./choices.ts";
import { createItemList, getIds } from "../itemList.ts";
import { getLeverLabel, localize, t } from "../editorI18n.ts";
import { h } from "../../ui/dom.ts";

const EMPTY_TEXT = { en: "", es: "" };

export function createPoliciesSection(ctx: FormContext): HTMLElement {
  return createItemList(ctx, {
    path: ["policies"],
    heading: t("section.policies"),
    intro: t("policies.intro"),
    getTitle: (item) => localize((item as { name?: unknown }).name) || String((item as { id?: unknown }).id ?? ""),
    addLabel: t("policies.add"),
    removeLabel: (name) => t("policies.remove", { name }),
    createItem: (data) => ({
      id: getFreeId("new-policy", getIds(data, "policies")),
      name: { ...EMPTY_TEXT },
      summary: { ...EMPTY_TEXT },
      description: { ...EMPTY_TEXT },
      levers: {},
      costUsdMillionsPerYear: 0,
      cost: { ...EMPTY_TEXT },
      effects: { immediate: { ...EMPTY_TEXT }, delayed: { ...EMPTY_TEXT }, hidden: { ...EMPTY_TEXT } },
      figures: [],
      color: "#5b6770",
    }),
    getFocusPath: (p) => [...p, "name", "en"],
    renderItem: (p) => {
      const levers = h("fieldset", { class: "levers" }, h("legend", {}, t("policy.levers")), h("p", { class: "hint" }, t("policy.leversHint")), h("div", { class: "lever-grid" }, ...LEVERS.map((lever) => sliderField(ctx, [...p, "levers", lever], getLeverLabel(lever)))));
      registerGroup(ctx, [...p, "levers"], levers, levers.querySelector("input") ?? levers);
      return [
        textField(ctx, [...p, "id"], t("field.id"), { hint: t("field.idHint") }),
        localizedField(ctx, [...p, "name"], t("policy.name")),
        localizedField(ctx, [...p, "summary"], t("policy.summary")),
        localizedField(ctx, [...p, "description"], t("policy.description"), { multiline: true }),
        levers,
        numberField(ctx, [...p, "costUsdMillionsPerYear"], t("policy.costPerYear"), { min: 0, max: 100000, step: 1 }),
        localizedField(ctx, [...p, "cost"], t("policy.cost"), { multiline: true }),
        localizedField(ctx, [...p, "effects", "immediate"], t("policy.effects.immediate"), { multiline: true }),
        localizedField(ctx, [...p, "effects", "delayed"], t("policy.effects.delayed"), { multiline: true }),
        localizedField(ctx, [...p, "effects", "hidden"], t("policy.effects.hidden"), { multiline: true }),
        idChecklist(ctx, [...p, "figures"], t("field.figuresCited"), getFigureChoices(ctx.getData())),
        colorField(ctx, [...p, "color"], t("field.color")),
      ];
    },
  });
}
