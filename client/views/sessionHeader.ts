// Session header for host and student pages: phase, round and year, and the countdown (ticks every second).
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../i18n/i18n.ts";
import type { SessionConnection } from "../net/sessionConnection.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { h } from "../ui/dom.ts";
import { getCountdown } from "../viewModels/countdown.ts";

export interface SessionHeader {
  element: HTMLElement;
  update(snapshot: SessionSnapshot): void;
  destroy(): void;
}

/** "Round 2 of 6 · 2009–2011" (empty in the lobby). */
export function getRoundText(scenario: Scenario, s: SessionSnapshot): string {
  if (s.round <= 0) return "";
  // From the round number, not s.year: the server moves the year on during resolve.
  const from = scenario.startYear + (s.round - 1) * scenario.yearsPerRound;
  return t("session.roundOf", { round: s.round, total: s.totalRounds, from, to: from + scenario.yearsPerRound - 1 });
}

export function createSessionHeader(connection: SessionConnection, scenario: Scenario, extra: HTMLElement[] = []): SessionHeader {
  const phase = h("span", { class: "phase-name" });
  const round = h("span", { class: "round-text" });
  const roundTitle = h("span", { class: "round-title" });
  const clock = h("span", { class: "countdown", attrs: { role: "timer", "aria-live": "off" } });
  const element = h(
    "header",
    { class: "session-header" },
    h("div", { class: "session-where" }, phase, round, roundTitle),
    clock,
    ...extra,
  );
  let snapshot = connection.snapshot;
  const tick = () => {
    const c = getCountdown(snapshot.endsAt, snapshot.pausedRemainingMs, connection.getServerNow());
    clock.hidden = c.secondsLeft === null;
    clock.textContent = c.isPaused ? `${t("session.paused")} ${c.text}` : c.text;
    clock.dataset.urgent = String(c.secondsLeft !== null && !c.isPaused && c.secondsLeft <= 10);
    clock.setAttribute("aria-label", c.isPaused ? t("session.timerPaused", { time: c.text }) : t("session.timeLeft", { time: c.text }));
  };
  const update = (s: SessionSnapshot) => {
    snapshot = s;
    element.dataset.phase = s.phase;
    element.dataset.round = String(s.round);
    element.dataset.totalRounds = String(s.totalRounds);
    phase.textContent = t(`phase.${s.phase}`);
    round.textContent = getRoundText(scenario, s);
    const title = s.round > 0 ? scenario.rounds[s.round - 1]?.title[getLanguage()] : undefined;
    roundTitle.textContent = title ?? "";
    tick();
  };
  update(snapshot);
  const timer = setInterval(tick, 250);
  return { element, update, destroy: () => clearInterval(timer) };
}
