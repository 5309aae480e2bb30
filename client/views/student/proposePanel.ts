// Propose phase on the phone: pick a policy, optionally write an argument (with counter) and cite a figure.
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h, uid } from "../../ui/dom.ts";
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
  const figureSelect = h("select", { id: figureId });
  const fillFigures = (policyId: string | null) => {
    const current = figureSelect.value || mine.proposal?.figureId || "";
    const policy = scenario.policies.find((p) => p.id === policyId);
    const preferred = new Set(policy?.figures ?? []);
    const figures = [...scenario.figures].sort((a, b) => Number(preferred.has(b.id)) - Number(preferred.has(a.id)));
    figureSelect.replaceChildren(
      h("option", { attrs: { value: "" } }, t("propose.figure.none")),
      ...figures.map((f) => h("option", { attrs: { value: f.id, selected: f.id === current } }, `${f.claim[lang]} (${f.period.from === f.period.to ? f.period.from : `${f.period.from}–${f.period.to}`})`)),
    );
  };
  const policies = createPolicyCards(scenario, { selected: mine.proposal?.policyId ?? null, legend: t("propose.policy.legend"), onChange: fillFigures });
  fillFigures(mine.proposal?.policyId ?? null);

  const argId = uid("argument");
  const counterId = uid("counter");
  const argument = h("textarea", { id: argId, attrs: { maxlength: max, rows: 4, "aria-describedby": counterId } });
  argument.value = drafts.get(draftKey) ?? "";
  const counter = h("p", { id: counterId, class: "counter", attrs: { "aria-live": "polite" } });
  const updateCounter = () => {
    counter.textContent = t("propose.argument.counter", { used: argument.value.length, max });
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
      on: {
        submit: (event) => {
          event.preventDefault();
          const policyId = policies.getValue();
          if (!policyId) {
            feedback.fail(t("propose.error.pickPolicy"));
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
    h("h2", {}, t("propose.title")),
    h("p", { class: "hint" }, t("propose.hint")),
    policies.element,
    h("label", { attrs: { for: argId } }, t("propose.argument.label")),
    argument,
    counter,
    h("label", { attrs: { for: figureId } }, t("propose.figure.label")),
    figureSelect,
    submit,
    feedback.element,
    status,
  );
  return { element: form, update: () => undefined };
}
