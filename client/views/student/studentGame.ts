// The student's in-session screen: header, role card, and the panel of the current phase (rebuilt on phase or language change).
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import type { Mine } from "../../../shared/protocol/index.ts";
import { onLanguageChange, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
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

const EMPTY_MINE: Mine = { proposal: null, endorsed: [], vote: null };

export function mountStudentGame(container: HTMLElement, connection: SessionConnection, scenario: Scenario, live: LiveRegion): void {
  let mine: Mine = connection.welcome.mine ?? EMPTY_MINE;
  const ctx: PanelContext = { connection, scenario, getMine: () => mine, setMine: (m) => (mine = m) };
  let header = createSessionHeader(connection, scenario);
  let panel: Panel | null = null;
  let screenKey = "";
  const roleSlot = h("div", { class: "role-slot" });
  const panelSlot = h("div", { class: "panel-slot" });
  const main = h("main", { class: "student-game", attrs: { id: "main" } }, roleSlot, panelSlot);
  container.replaceChildren(header.element, main);
  let roleKey = "";

  const me = (s: SessionSnapshot) => s.players.find((p) => p.id === connection.welcome.playerId);

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

  const render = (s: SessionSnapshot, force = false) => {
    header.update(s);
    const player = me(s);
    const roleId = player?.roleId ?? "";
    const nextRoleKey = `${roleId}|${player?.nickname ?? ""}`;
    if (force || nextRoleKey !== roleKey) {
      roleKey = nextRoleKey;
      roleSlot.replaceChildren(createRoleCard(scenario, roleId, player?.nickname ?? ""));
    }
    const key = `${s.phase}|${s.round}`;
    if (force || key !== screenKey) {
      const phaseChanged = key !== screenKey;
      screenKey = key;
      panel?.destroy?.();
      panel = buildPanel(s, roleId);
      panelSlot.replaceChildren(panel.element);
      if (phaseChanged) live.announce(t("announce.phase", { phase: t(`phase.${s.phase}`), round: s.round }));
      return;
    }
    panel?.update(s);
  };

  connection.onState((s) => render(s));
  connection.onWelcome((w) => {
    mine = w.mine ?? EMPTY_MINE;
    render(connection.snapshot, true);
  });
  onLanguageChange(() => {
    header.destroy();
    header = createSessionHeader(connection, scenario);
    container.firstElementChild?.replaceWith(header.element);
    render(connection.snapshot, true);
  });
  render(connection.snapshot, true);
}
