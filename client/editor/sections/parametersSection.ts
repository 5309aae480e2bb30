// Form for the rule parameters: each value with the figure it is calibrated to, or the assumption behind it.
import { PARAMETER_KEYS } from "../../../shared/content/vocabulary.ts";
import type { FormContext } from "../fields.ts";
import { numberField, registerGroup, selectField, textField } from "../fields.ts";
import { getFigureChoices } from "./choices.ts";
import { t } from "../editorI18n.ts";
import { h } from "../../ui/dom.ts";

export function createParametersSection(ctx: FormContext): HTMLElement {
  const figures = getFigureChoices(ctx.getData());
  const heading = h("h3", { attrs: { tabindex: -1 } }, t("section.parameters"));
  const rows = PARAMETER_KEYS.map((key) => {
    const p = ["parameters", key];
    const fieldset = h(
      "fieldset",
      { class: "parameter" },
      h("legend", {}, h("code", {}, key)),
      h(
        "div",
        { class: "parameter-row" },
        numberField(ctx, [...p, "value"], t("parameter.value")),
        selectField(ctx, [...p, "figure"], t("parameter.figure"), figures, { noneLabel: t("parameter.noFigure") }),
        textField(ctx, [...p, "assumption"], t("parameter.assumption"), { optional: true, multiline: true, className: "field wide" }),
      ),
    );
    registerGroup(ctx, p, fieldset, fieldset.querySelector("input") ?? fieldset);
    return fieldset;
  });
  const section = h("div", { class: "parameters" }, heading, h("p", { class: "hint" }, t("parameters.intro")), ...rows);
  registerGroup(ctx, ["parameters"], section, heading);
  return section;
}
