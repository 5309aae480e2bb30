// Vote phase on the phone: points steppers that must add up to the budget (with the points left kept in
// sight while scrolling), or a single choice; whether the vote is in is said first; changeable until the end.
import type { VoteValue } from "../../../shared/protocol/index.ts";
import { getLanguage, t, tn } from "../../i18n/i18n.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h } from "../../ui/dom.ts";
import { getPointsStatus, stepPoints } from "../../viewModels/voteModel.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { createPolicyCards } from "./policyCards.ts";

export function createVotePanel(ctx: PanelContext, snapshot: SessionSnapshot): Panel {
  const feedback = createActionFeedback();
  const saved = ctx.getMine().vote;
  const status = h("p", { class: "vote-status", attrs: { role: "status" } });
  const showSaved = (vote: VoteValue | null) => {
    // Not voting yet is a to-do, not a success: it must not look like the saved state.
    status.className = vote ? "vote-status done-text" : "vote-status pending-text";
    status.textContent = vote ? t("vote.saved") : t("vote.notYet");
  };
  showSaved(saved);
  const submit = h("button", { class: "button primary", attrs: { type: "submit" } }, saved ? t("vote.update") : t("vote.submit"));
  const send = (vote: VoteValue) => {
    submit.disabled = true;
    void ctx.connection.request("vote", vote).then((result) => {
      submit.disabled = false;
      if (!result.ok) return feedback.refuse(result.refusal);
      ctx.setMine(result.value);
      feedback.confirm(t("vote.sent"));
      submit.textContent = t("vote.update");
      showSaved(vote);
    });
  };

  let body: HTMLElement;
  let pointsLeft: HTMLElement | null = null;
  let onSubmit: () => void;
  if (snapshot.voteMode === "single") {
    const picker = createPolicyCards(ctx.scenario, { selected: saved && "choice" in saved ? saved.choice : null, legend: t("vote.single.legend") });
    body = picker.element;
    onSubmit = () => {
      const choice = picker.getValue();
      if (!choice) return feedback.fail(t("vote.error.pick"));
      send({ choice });
    };
  } else {
    const budget = snapshot.votePoints;
    let points: Record<string, number> = saved && "points" in saved ? { ...saved.points } : {};
    const remaining = h("p", { class: "points-left", attrs: { "aria-live": "polite" } });
    pointsLeft = remaining;
    const rows = ctx.scenario.policies.map((p) => {
      const value = h("output", { class: "points-value", attrs: { "aria-live": "polite" } });
      const name = p.name[getLanguage()];
      const minus = h("button", { class: "stepper", attrs: { type: "button", "aria-label": t("vote.less", { policy: name }) } }, "−");
      const plus = h("button", { class: "stepper", attrs: { type: "button", "aria-label": t("vote.more", { policy: name }) } }, "+");
      minus.addEventListener("click", () => change(p.id, -1));
      plus.addEventListener("click", () => change(p.id, 1));
      return { id: p.id, value, minus, plus, row: h("li", { class: "points-row", attrs: { style: `--policy-color:${p.color}` } }, h("span", { class: "points-name" }, name), minus, value, plus) };
    });
    const refresh = () => {
      const s = getPointsStatus(points, budget);
      remaining.textContent = t("vote.points.left", { remaining: s.remaining, budget });
      remaining.dataset.complete = String(s.isComplete);
      for (const r of rows) {
        const v = points[r.id] ?? 0;
        r.value.textContent = String(v);
        r.minus.disabled = v === 0;
        r.plus.disabled = s.remaining === 0;
      }
      submit.disabled = !s.isComplete;
    };
    const change = (policyId: string, step: number) => {
      points = stepPoints(points, policyId, step, budget);
      feedback.clear();
      refresh();
    };
    body = h("fieldset", { class: "points" }, h("legend", {}, tn("vote.points.legend", budget)), h("ul", { class: "points-list" }, ...rows.map((r) => r.row)));
    refresh();
    onSubmit = () => {
      if (!getPointsStatus(points, budget).isComplete) return feedback.fail(tn("vote.error.budget", budget));
      const nonZero = Object.fromEntries(Object.entries(points).filter(([, v]) => v > 0));
      send({ points: nonZero });
    };
  }

  const form = h(
    "form",
    {
      class: "panel vote",
      on: {
        submit: (event) => {
          event.preventDefault();
          onSubmit();
        },
      },
    },
    h("h2", { attrs: { tabindex: -1 } }, t("vote.title")),
    status,
    h("p", { class: "hint" }, t("vote.hint")),
    // Sticky (phone.css): a direct child of the form, so it stays in sight down to the submit button.
    pointsLeft,
    body,
    submit,
    feedback.element,
  );
  return { element: form, update: () => undefined };
}
