// Form for the evidence: sources (articles) and figures with value, unit, period, claim EN/ES and source.
import type { FormContext } from "../fields.ts";
import { localizedField, numberField, selectField, textField } from "../fields.ts";
import { getFreeId } from "../fieldValues.ts";
import { createItemList, getIds } from "../itemList.ts";
import { getAt } from "../scenarioPath.ts";
import { getIdChoices } from "./choices.ts";
import { localize, t } from "../editorI18n.ts";
import { h } from "../../ui/dom.ts";

export function createFiguresSection(ctx: FormContext): HTMLElement {
  const startYear = getAt(ctx.getData(), ["startYear"]);
  const year = typeof startYear === "number" ? startYear : 2006;
  const figures = createItemList(ctx, {
    path: ["figures"],
    heading: t("section.figures"),
    intro: t("figures.intro"),
    getTitle: (item) => {
      const f = item as { id?: unknown; claim?: unknown };
      return `${String(f.id ?? "")} — ${localize(f.claim)}`;
    },
    addLabel: t("figures.add"),
    removeLabel: (name) => t("figures.remove", { name: name.split(" — ")[0] ?? name }),
    createItem: (data) => ({ id: getFreeId("new-figure", getIds(data, "figures")), value: 0, unit: { en: "", es: "" }, period: { from: year, to: year }, claim: { en: "", es: "" }, source: getIds(data, "sources")[0] ?? "" }),
    getFocusPath: (p) => [...p, "id"],
    renderItem: (p) => [
      textField(ctx, [...p, "id"], t("field.id"), { hint: t("field.idHint") }),
      h("div", { class: "field-row" }, numberField(ctx, [...p, "value"], t("figure.value")), numberField(ctx, [...p, "period", "from"], t("figure.from"), { min: 1900, max: 2200, step: 1 }), numberField(ctx, [...p, "period", "to"], t("figure.to"), { min: 1900, max: 2200, step: 1 })),
      localizedField(ctx, [...p, "unit"], t("figure.unit")),
      localizedField(ctx, [...p, "claim"], t("figure.claim"), { multiline: true }),
      selectField(ctx, [...p, "source"], t("figure.source"), getIdChoices(ctx.getData(), "sources")),
    ],
  });
  const sources = createItemList(ctx, {
    path: ["sources"],
    heading: t("section.sources"),
    getTitle: (item) => String((item as { title?: unknown }).title ?? (item as { id?: unknown }).id ?? ""),
    addLabel: t("sources.add"),
    removeLabel: (name) => t("sources.remove", { name }),
    createItem: (data) => ({ id: getFreeId("new-source", getIds(data, "sources")), title: "", outlet: "", date: "" }),
    getFocusPath: (p) => [...p, "title"],
    renderItem: (p) => [
      textField(ctx, [...p, "id"], t("field.id"), { hint: t("field.idHint") }),
      textField(ctx, [...p, "title"], t("source.title")),
      textField(ctx, [...p, "outlet"], t("source.outlet")),
      textField(ctx, [...p, "date"], t("source.date"), { hint: t("source.dateHint") }),
      textField(ctx, [...p, "author"], t("source.author"), { optional: true }),
    ],
  });
  return h("div", {}, figures, sources);
}
