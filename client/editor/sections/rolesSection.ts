// Form for the roles and their agendas: texts EN/ES, a weight per indicator (−5..5) and colour.
import { INDICATORS } from "../../../shared/content/vocabulary.ts";
import type { FormContext } from "../fields.ts";
import { colorField, localizedField, numberField, registerGroup, textField } from "../fields.ts";
import { getFreeId, parseOptionalWeight } from "../fieldValues.ts";
import { createItemList, getIds } from "../itemList.ts";
import { getIndicatorLabel } from "./choices.ts";
import { localize, t } from "../editorI18n.ts";
import { h } from "../../ui/dom.ts";

const EMPTY_TEXT = { en: "", es: "" };

export function createRolesSection(ctx: FormContext): HTMLElement {
  return createItemList(ctx, {
    path: ["roles"],
    heading: t("section.roles"),
    intro: t("roles.intro"),
    getTitle: (item) => localize((item as { name?: unknown }).name) || String((item as { id?: unknown }).id ?? ""),
    addLabel: t("roles.add"),
    removeLabel: (name) => t("roles.remove", { name }),
    createItem: (data) => ({ id: getFreeId("new-role", getIds(data, "roles")), name: { ...EMPTY_TEXT }, description: { ...EMPTY_TEXT }, agenda: { ...EMPTY_TEXT }, weights: {}, color: "#5b6770" }),
    getFocusPath: (p) => [...p, "name", "en"],
    renderItem: (p) => {
      const weights = h(
        "fieldset",
        { class: "weights" },
        h("legend", {}, t("role.weights")),
        h("p", { class: "hint" }, t("role.weightsHint")),
        h("div", { class: "weight-grid" }, ...INDICATORS.map((ind) => numberField(ctx, [...p, "weights", ind], getIndicatorLabel(ctx.getData(), ind), { min: -5, max: 5, step: 0.5, parse: parseOptionalWeight }))),
      );
      registerGroup(ctx, [...p, "weights"], weights, weights.querySelector("input") ?? weights);
      return [
        textField(ctx, [...p, "id"], t("field.id"), { hint: t("field.idHint") }),
        localizedField(ctx, [...p, "name"], t("role.name")),
        localizedField(ctx, [...p, "description"], t("role.description"), { multiline: true }),
        localizedField(ctx, [...p, "agenda"], t("role.agenda"), { multiline: true }),
        weights,
        colorField(ctx, [...p, "color"], t("field.color")),
      ];
    },
  });
}
