// The student's in-session screen: header, role card (a chip once read), and the panel of the current phase
// (rebuilt on phase or language change, opened at its top). The student's own choices are kept per round.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import type { Phase } from "../../../shared/protocol/index.ts";
import { onLanguageChange, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import { getReadRole, saveReadRole } from "../../net/storage.ts";
import { MyChoices } from "../../state/myChoices.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import type { LiveRegion } from "../../ui/liveRegion.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { createSessionHeader } from "../sessionHeader.ts";
import { createDebatePanel } from "./debatePanel.ts";
import { createDebriefPanel } from "./debriefPanel.ts";
import { createProposePanel } from "./proposePanel.ts";
import { createResultsPanel } from "./resultsPanel.ts";
import { createRoleCard } from "./roleCard.ts";
import { createVotePanel } from "./votePanel.ts";
import { createWaitingPanel } from "./waitingPanel.ts";

/** Phases where the student acts: the role card does not open by itself there, the action comes first. */
const ACTING_PHASES: ReadonlySet<Phase> = new Set(["propose", "debate", "vote"]);

/** Keeps `--session-header-h` equal to the sticky header's height, so sticky bars sit just below it. */
function trackHeaderHeight(header: HTMLElement): ResizeObserver {
  const observer = new ResizeObserver(() => document.documentElement.style.setProperty("--session-header-h", `${header.offsetHeight}px`));
  observer.observe(header);
  return observer;
}

export function mountStudentGame(container: HTMLElement, connection: SessionConnection, scenario: Scenario, live: LiveRegion): void {
  // Replies and welcomes belong to the round the synced state is in when they arrive.
  const choices = new MyChoices(connection.welcome.mine, connection.snapshot.round);
  const ctx: PanelContext = {
    connection,
    scenario,
    getMine: () => choices.get(connection.snapshot.round),
    setMine: (m) => choices.set(m, connection.snapshot.round),
  };
  let header = createSessionHeader(connection, scenario);
  let headerObserver = trackHeaderHeight(header.element);
  let panel: Panel | null = null;
  let screenKey = "";
  const roleSlot = h("div", { class: "role-slot" });
  const panelSlot = h("div", { class: "panel-slot" });
  const main = h("main", { class: "student-game", attrs: { id: "main" } }, roleSlot, panelSlot);
  container.replaceChildren(header.element, main);
  let roleKey = "";
  let roleOpen = false;
  /** The screen (phase|round) in which the card last opened by itself; it folds on a later screen. */
  let roleOpenedOn = "";
  let roleCard: HTMLElement | null = null;
  const code = connection.code;

  // The seat comes by its own message (students hold no seats in the synced state); a change re-renders.
  const me = () => connection.ownSeat.get();

  const buildPanel = (s: SessionSnapshot, roleId: string): Panel => {
    switch (s.phase) {
      case "propose":
        return createProposePanel(ctx, s);
      case "debate":
        return createDebatePanel(ctx, s);
      case "vote":
        return createVotePanel(ctx, s);
      case "results":
        return createResultsPanel(ctx, s, roleId);
      case "debrief":
      case "ended":
        return createDebriefPanel(ctx, s, roleId);
      default:
        return createWaitingPanel(ctx, s);
    }
  };

  const renderRoleCard = (roleId: string, nickname: string) => {
    roleCard = createRoleCard(scenario, {
      roleId,
      nickname,
      open: roleOpen,
      onToggle: (open) => {
        roleOpen = open;
        if (!open && roleId) saveReadRole(code, roleId);
      },
    });
    roleSlot.replaceChildren(roleCard);
  };

  /** A new phase: the card shown open for the first read folds into its chip; an unread role opens in a calm phase. */
  const foldRoleCard = (phase: Phase, roleId: string) => {
    if (!roleId || !(roleCard instanceof HTMLDetailsElement)) return;
    if (roleOpen && roleOpenedOn !== screenKey) {
      roleOpen = false;
      saveReadRole(code, roleId);
    } else if (!roleOpen && getReadRole(code) !== roleId && !ACTING_PHASES.has(phase)) {
      roleOpen = true;
      roleOpenedOn = screenKey;
    }
    roleCard.open = roleOpen;
  };

  const render = (s: SessionSnapshot, force = false) => {
    header.update(s);
    const player = me();
    const roleId = player?.roleId ?? "";
    const nextRoleKey = `${roleId}|${player?.nickname ?? ""}`;
    if (nextRoleKey.split("|")[0] !== roleKey.split("|")[0]) {
      roleOpen = Boolean(roleId) && getReadRole(code) !== roleId && !ACTING_PHASES.has(s.phase);
      roleOpenedOn = `${s.phase}|${s.round}`;
    }
    if (force || nextRoleKey !== roleKey) {
      roleKey = nextRoleKey;
      renderRoleCard(roleId, player?.nickname ?? "");
    }
    const key = `${s.phase}|${s.round}`;
    if (force || key !== screenKey) {
      const phaseChanged = key !== screenKey;
      const isFirst = screenKey === "";
      screenKey = key;
      panel?.destroy?.();
      panel = buildPanel(s, roleId);
      panelSlot.replaceChildren(panel.element);
      if (phaseChanged && !isFirst) {
        foldRoleCard(s.phase, roleId);
        // Each phase opens at its top, with its heading (and so its action) first.
        window.scrollTo({ top: 0 });
        const active = document.activeElement;
        if (!active || active === document.body) panel.element.querySelector<HTMLElement>("h2[tabindex]")?.focus({ preventScroll: true });
      }
      if (phaseChanged) live.announce(t("announce.phase", { phase: t(`phase.${s.phase}`), round: s.round }));
      return;
    }
    panel?.update(s);
  };

  connection.onState((s) => render(s));
  connection.onWelcome((w) => {
    choices.set(w.mine, connection.snapshot.round);
    render(connection.snapshot, true);
  });
  connection.onMine((mine) => {
    choices.set(mine, connection.snapshot.round);
    render(connection.snapshot, true);
  });
  onLanguageChange(() => {
    header.destroy();
    headerObserver.disconnect();
    header = createSessionHeader(connection, scenario);
    headerObserver = trackHeaderHeight(header.element);
    container.firstElementChild?.replaceWith(header.element);
    render(connection.snapshot, true);
  });
  render(connection.snapshot, true);
}
