// Host's create form: scenario, language, rounds, phase timers, vote mode, anonymity, seats.
import type { CreateOptions, Refusal } from "../../../shared/protocol/index.ts";
import { DEFAULT_PHASE_SECONDS, MAX_PLAYERS_LIMIT, TIMED_PHASES } from "../../../shared/protocol/index.ts";
import { LANGUAGES } from "../../../shared/i18n.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { ScenarioListing } from "../../scenario/loadScenario.ts";
import { loadScenario } from "../../scenario/loadScenario.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { DEFAULT_SEATS, SEATS_INPUT, TIMER_INPUT } from "./formLimits.ts";
import { h, uid } from "../../ui/dom.ts";
import { getRefusalText } from "../../ui/refusalText.ts";

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid("f");
  control.id = id;
  return h("div", { class: "field" }, h("label", { attrs: { for: id } }, label), control, hint ? h("p", { class: "hint" }, hint) : null);
}

export function createHostForm(scenarios: ScenarioListing[], onCreate: (options: CreateOptions) => Promise<Refusal | null>): HTMLElement {
  const lang = getLanguage();
  const scenario = h("select", { attrs: { name: "scenario" } }, ...scenarios.map((s) => h("option", { attrs: { value: s.id } }, s.title[lang])));
  const language = h("select", { attrs: { name: "language" } }, ...LANGUAGES.map((l) => h("option", { attrs: { value: l, selected: l === lang } }, t(`common.language.${l}`))));
  const rounds = h("select", { attrs: { name: "rounds" } });
  const fillRounds = async () => {
    const chosen = await loadScenario(scenario.value).catch(() => null);
    const total = chosen?.rounds.length ?? 6;
    rounds.replaceChildren(...Array.from({ length: total }, (_, i) => h("option", { attrs: { value: i + 1, selected: i + 1 === total } }, t("host.form.roundsOption", { count: i + 1, years: (i + 1) * (chosen?.yearsPerRound ?? 1) }))));
  };
  scenario.addEventListener("change", () => void fillRounds());
  void fillRounds();
  const timers = TIMED_PHASES.map((phase) => {
    const input = h("input", { attrs: { type: "number", min: TIMER_INPUT.min, max: TIMER_INPUT.max, step: TIMER_INPUT.step, value: DEFAULT_PHASE_SECONDS[phase], name: `timer-${phase}`, inputmode: "numeric" } });
    return { phase, input };
  });
  const voteMode = h("select", { attrs: { name: "voteMode" } }, h("option", { attrs: { value: "points" } }, t("host.form.votePoints")), h("option", { attrs: { value: "single" } }, t("host.form.voteSingle")));
  const anonymous = h("input", { attrs: { type: "checkbox", name: "anonymous" } });
  const anonId = uid("anon");
  anonymous.id = anonId;
  const maxPlayers = h("input", { attrs: { type: "number", min: SEATS_INPUT.min, max: SEATS_INPUT.max, step: SEATS_INPUT.step, value: DEFAULT_SEATS, name: "maxPlayers", inputmode: "numeric" } });
  const feedback = createActionFeedback();
  const submit = h("button", { class: "button primary big", attrs: { type: "submit" } }, t("host.form.create"));

  return h(
    "form",
    {
      class: "card host-form",
      on: {
        submit: (event) => {
          event.preventDefault();
          submit.disabled = true;
          const options: CreateOptions = {
            scenarioId: scenario.value,
            language: language.value === "es" ? "es" : "en",
            rounds: Number(rounds.value) || undefined,
            timers: Object.fromEntries(timers.map((tm) => [tm.phase, Math.max(0, Number(tm.input.value) || 0)])),
            voteMode: voteMode.value === "single" ? "single" : "points",
            anonymousArguments: anonymous.checked,
            maxPlayers: Math.min(MAX_PLAYERS_LIMIT, Math.max(1, Number(maxPlayers.value) || DEFAULT_SEATS)),
          };
          void onCreate(options).then((refusal) => {
            submit.disabled = false;
            if (refusal) feedback.fail(getRefusalText(refusal));
          });
        },
      },
    },
    h("h2", {}, t("host.form.title")),
    field(t("host.form.scenario"), scenario),
    h("div", { class: "field-row" }, field(t("host.form.language"), language), field(t("host.form.rounds"), rounds)),
    h(
      "fieldset",
      { class: "timers" },
      h("legend", {}, t("host.form.timers")),
      h("p", { class: "hint" }, t("host.form.timersHint")),
      h("div", { class: "timer-grid" }, ...timers.map((tm) => field(t(`phase.${tm.phase}`), tm.input))),
    ),
    h("div", { class: "field-row" }, field(t("host.form.voteMode"), voteMode), field(t("host.form.maxPlayers"), maxPlayers)),
    h("div", { class: "field checkbox" }, anonymous, h("label", { attrs: { for: anonId } }, t("host.form.anonymous"))),
    submit,
    feedback.element,
  );
}
