// Propose phase on the phone: pick a policy, optionally write an argument (counted in characters a
// person sees) and cite a figure, whose whole claim is shown under the picker.
import { countGraphemes } from "../../../shared/graphemes.ts";
import { getLanguage, t, tn } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h, uid } from "../../ui/dom.ts";
import { getFigureCitation } from "../../../shared/content/scenarioText.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { createPolicyCards } from "./policyCards.ts";

/** Draft text survives a re-render (language switch, reconnect) within the page. */
const drafts = new Map<string, string>();

export function createProposePanel(ctx: PanelContext, snapshot: SessionSnapshot): Panel {
  const lang = getLanguage();
  const { scenario } = ctx;
  const mine = ctx.getMine();
  const draftKey = `${snapshot.code}:${snapshot.round}`;
  const max = scenario.settings.argumentMaxLength;
  const feedback = createActionFeedback();

  const figureId = uid("figure");
  const chosenId = uid("figure-chosen");
  const figureSelect = h("select", { id: figureId, attrs: { name: "figure", "aria-describedby": chosenId } });
  const chosenFigure = h("div", { id: chosenId, class: "figure-chosen", attrs: { "aria-live": "polite" } });
  const showChosenFigure = () => {
    const citation = figureSelect.value ? getFigureCitation(scenario, figureSelect.value, lang) : null;
    chosenFigure.hidden = citation === null;
    chosenFigure.replaceChildren(...(citation ? [h("p", { class: "figure-chosen-label" }, t("propose.figure.chosen")), h("p", { class: "figure-claim" }, `${citation.claim} (${citation.period})`)] : []));
  };
  const fillFigures = (policyId: string | null) => {
    const current = figureSelect.value || mine.proposal?.figureId || "";
    const policy = scenario.policies.find((p) => p.id === policyId);
    const preferred = new Set(policy?.figures ?? []);
    // The option text is the claim as the select can show it; the whole claim is shown below the select.
    const option = (f: (typeof scenario.figures)[number]) => h("option", { attrs: { value: f.id, selected: f.id === current } }, f.claim[lang]);
    const own = scenario.figures.filter((f) => preferred.has(f.id));
    const others = scenario.figures.filter((f) => !preferred.has(f.id));
    figureSelect.replaceChildren(
      h("option", { attrs: { value: "" } }, t("propose.figure.none")),
      ...(own.length > 0
        ? [h("optgroup", { attrs: { label: t("propose.figure.forPolicy") } }, ...own.map(option)), h("optgroup", { attrs: { label: t("propose.figure.others") } }, ...others.map(option))]
        : others.map(option)),
    );
    showChosenFigure();
  };
  figureSelect.addEventListener("change", showChosenFigure);
  const policies = createPolicyCards(scenario, { selected: mine.proposal?.policyId ?? null, legend: t("propose.policy.legend"), onChange: fillFigures });
  fillFigures(mine.proposal?.policyId ?? null);

  const argId = uid("argument");
  const counterId = uid("counter");
  const overId = uid("over");
  // No maxlength attribute: browsers count it in UTF-16 units, so an emoji would use up two characters.
  const argument = h("textarea", { id: argId, attrs: { name: "argument", rows: 4, "aria-describedby": `${counterId} ${overId}` } });
  argument.value = drafts.get(draftKey) ?? "";
  const counter = h("p", { id: counterId, class: "counter" });
  const over = h("p", { id: overId, class: "field-error", attrs: { "aria-live": "polite" } });
  const getOverBy = () => countGraphemes(argument.value.trim()) - max;
  const updateCounter = () => {
    counter.textContent = t("propose.argument.counter", { used: countGraphemes(argument.value), max });
    const overBy = getOverBy();
    over.textContent = overBy > 0 ? tn("propose.argument.over", overBy) : "";
    if (overBy > 0) argument.setAttribute("aria-invalid", "true");
    else argument.removeAttribute("aria-invalid");
  };
  argument.addEventListener("input", () => {
    drafts.set(draftKey, argument.value);
    updateCounter();
  });
  updateCounter();

  const submit = h("button", { class: "button primary", attrs: { type: "submit" } }, mine.proposal ? t("propose.update") : t("propose.submit"));
  const status = h("p", { class: "done-text", attrs: { role: "status" } });
  const showDone = (done: boolean) => {
    status.textContent = done ? t("propose.done") : "";
  };
  showDone(mine.proposal !== null);

  const form = h(
    "form",
    {
      class: "panel propose",
      attrs: { novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          const policyId = policies.getValue();
          if (!policyId) {
            feedback.fail(t("propose.error.pickPolicy"));
            policies.element.querySelector("input")?.focus();
            return;
          }
          if (getOverBy() > 0) {
            feedback.fail(tn("propose.argument.over", getOverBy()));
            argument.focus();
            return;
          }
          submit.disabled = true;
          const text = argument.value.trim();
          void ctx.connection
            .request("propose", { policyId, ...(text ? { argument: text } : {}), ...(figureSelect.value ? { figureId: figureSelect.value } : {}) })
            .then((result) => {
              submit.disabled = false;
              if (!result.ok) return feedback.refuse(result.refusal);
              ctx.setMine(result.value);
              feedback.confirm(t("propose.sent"));
              submit.textContent = t("propose.update");
              showDone(true);
            });
        },
      },
    },
    h("h2", { attrs: { tabindex: -1 } }, t("propose.title")),
    status,
    h("p", { class: "hint" }, t("propose.hint")),
    policies.element,
    h("label", { attrs: { for: argId } }, t("propose.argument.label")),
    argument,
    counter,
    over,
    h("label", { attrs: { for: figureId } }, t("propose.figure.label")),
    figureSelect,
    chosenFigure,
    submit,
    feedback.element,
  );
  return { element: form, update: () => undefined };
}
