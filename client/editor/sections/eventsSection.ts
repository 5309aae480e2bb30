// Form for the events: texts EN/ES, year, trigger (a round or a condition) and effects, each with the fields of its kind.
import { LEVERS } from "../../../shared/content/vocabulary.ts";
import type { Choice, FormContext } from "../fields.ts";
import { idChecklist, localizedField, numberField, registerGroup, selectField, textField } from "../fields.ts";
import { getFreeId } from "../fieldValues.ts";
import { createItemList, getIds } from "../itemList.ts";
import type { ScenarioPath } from "../scenarioPath.ts";
import { appendAt, getAt, removeAt, setAt } from "../scenarioPath.ts";
import { getFigureChoices, getIdChoices, getIndicatorChoices } from "./choices.ts";
import { getLeverLabel, localize, t } from "../editorI18n.ts";
import { h } from "../../ui/dom.ts";

const EVENT_INDICATORS = ["approval", "institutionalStrength", "impunity", "humanRightsConcerns", "aidSpent"] as const;

function getDefaultEffect(kind: string, data: unknown): unknown {
  switch (kind) {
    case "lever":
      return { kind, lever: LEVERS[0], delta: 0.1 };
    case "targetList":
      return { kind, count: 10 };
    case "groups":
      return { kind, region: getIds(data, "regions")[0] ?? "", count: 1 };
    default:
      return { kind: "indicator", indicator: EVENT_INDICATORS[0], delta: 1 };
  }
}

function createTrigger(ctx: FormContext, p: ScenarioPath): HTMLElement {
  const tp = [...p, "trigger"];
  const kind = String(getAt(ctx.getData(), [...tp, "kind"]) ?? "round");
  const kinds: Choice[] = [
    { value: "round", label: t("event.trigger.round") },
    { value: "condition", label: t("event.trigger.condition") },
  ];
  const kindField = selectField(ctx, [...tp, "kind"], t("event.trigger.kind"), kinds, {
    onChange: (value) => ctx.restructure((data) => setAt(data, tp, value === "condition" ? { kind: "condition", indicator: "homicides", above: 0, fromRound: 1 } : { kind: "round", round: 1 }), [...tp, "kind"]),
  });
  const fields =
    kind === "condition"
      ? [
          selectField(ctx, [...tp, "indicator"], t("event.trigger.indicator"), getIndicatorChoices(ctx.getData())),
          selectField(ctx, [...tp, "region"], t("event.trigger.region"), getIdChoices(ctx.getData(), "regions"), { noneLabel: t("event.trigger.national") }),
          numberField(ctx, [...tp, "above"], t("event.trigger.above"), { hint: t("event.trigger.blankHint") }),
          numberField(ctx, [...tp, "below"], t("event.trigger.below"), { hint: t("event.trigger.blankHint") }),
          numberField(ctx, [...tp, "fromRound"], t("event.trigger.fromRound"), { min: 1, step: 1 }),
        ]
      : [numberField(ctx, [...tp, "round"], t("event.trigger.roundNumber"), { min: 1, step: 1 })];
  const fieldset = h("fieldset", { class: "trigger" }, h("legend", {}, t("event.trigger")), kindField, h("div", { class: "field-row" }, ...fields));
  registerGroup(ctx, tp, fieldset, fieldset.querySelector("select") ?? fieldset);
  return fieldset;
}

function createEffect(ctx: FormContext, ep: ScenarioPath, index: number, listPath: ScenarioPath): HTMLElement {
  const data = ctx.getData();
  const kind = String(getAt(data, [...ep, "kind"]) ?? "indicator");
  const kinds: Choice[] = [
    { value: "indicator", label: t("event.effect.kind.indicator") },
    { value: "lever", label: t("event.effect.kind.lever") },
    { value: "targetList", label: t("event.effect.kind.targetList") },
    { value: "groups", label: t("event.effect.kind.groups") },
  ];
  const kindField = selectField(ctx, [...ep, "kind"], t("event.effect.kind"), kinds, {
    onChange: (value) => ctx.restructure((d) => setAt(d, ep, getDefaultEffect(value, d)), [...ep, "kind"]),
  });
  let fields: HTMLElement[];
  if (kind === "lever") {
    fields = [
      selectField(ctx, [...ep, "lever"], t("event.effect.lever"), LEVERS.map((l) => ({ value: l, label: getLeverLabel(l) }))),
      numberField(ctx, [...ep, "delta"], t("event.effect.delta"), { min: -1, max: 1, step: 0.05 }),
    ];
  } else if (kind === "targetList") {
    fields = [numberField(ctx, [...ep, "count"], t("event.effect.count"), { min: 1, step: 1 })];
  } else if (kind === "groups") {
    fields = [selectField(ctx, [...ep, "region"], t("event.effect.region"), getIdChoices(data, "regions")), numberField(ctx, [...ep, "count"], t("event.effect.groupCount"), { min: -100, max: 100, step: 1 })];
  } else {
    fields = [selectField(ctx, [...ep, "indicator"], t("event.effect.indicator"), getIndicatorChoices(data, EVENT_INDICATORS)), numberField(ctx, [...ep, "delta"], t("event.effect.delta"))];
  }
  const remove = h("button", { class: "button small danger", attrs: { type: "button" } }, t("event.effect.remove", { number: index + 1 }));
  remove.addEventListener("click", () => ctx.restructure((d) => removeAt(d, ep), listPath));
  const fieldset = h("fieldset", { class: "effect" }, h("legend", {}, t("event.effect.title", { number: index + 1 })), h("div", { class: "field-row" }, kindField, ...fields), remove);
  registerGroup(ctx, ep, fieldset, fieldset.querySelector("select") ?? fieldset);
  return fieldset;
}

function createEffects(ctx: FormContext, p: ScenarioPath): HTMLElement {
  const listPath = [...p, "effects"];
  const list = getAt(ctx.getData(), listPath);
  const effects = Array.isArray(list) ? list : [];
  const add = h("button", { class: "button small", attrs: { type: "button" } }, t("event.effect.add"));
  add.addEventListener("click", () => ctx.restructure((d) => appendAt(d, listPath, getDefaultEffect("indicator", d)), [...listPath, effects.length, "kind"]));
  const wrap = h("div", { class: "effects" }, h("h4", {}, t("event.effects")), ...effects.map((_, i) => createEffect(ctx, [...listPath, i], i, listPath)), add);
  registerGroup(ctx, listPath, wrap, add);
  return wrap;
}

export function createEventsSection(ctx: FormContext): HTMLElement {
  return createItemList(ctx, {
    path: ["events"],
    heading: t("section.events"),
    intro: t("events.intro"),
    getTitle: (item) => localize((item as { title?: unknown }).title) || String((item as { id?: unknown }).id ?? ""),
    addLabel: t("events.add"),
    removeLabel: (name) => t("events.remove", { name }),
    createItem: (data) => ({
      id: getFreeId("new-event", getIds(data, "events")),
      title: { en: "", es: "" },
      body: { en: "", es: "" },
      year: typeof getAt(data, ["startYear"]) === "number" ? getAt(data, ["startYear"]) : 2006,
      trigger: { kind: "round", round: 1 },
      effects: [],
      figures: [],
    }),
    getFocusPath: (p) => [...p, "title", "en"],
    renderItem: (p) => [
      textField(ctx, [...p, "id"], t("field.id"), { hint: t("field.idHint") }),
      localizedField(ctx, [...p, "title"], t("event.title")),
      localizedField(ctx, [...p, "body"], t("event.body"), { multiline: true }),
      numberField(ctx, [...p, "year"], t("event.year"), { min: 1900, max: 2200, step: 1 }),
      createTrigger(ctx, p),
      createEffects(ctx, p),
      idChecklist(ctx, [...p, "figures"], t("field.figuresCited"), getFigureChoices(ctx.getData())),
    ],
  });
}
