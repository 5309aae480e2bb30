// The host's projector screen: header with countdown and code, lobby or board + side panel, and the command bar.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { onLanguageChange, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import type { LiveRegion } from "../../ui/liveRegion.ts";
import type { BoardHandle } from "../boardMount.ts";
import { mountProjectorBoard } from "../boardMount.ts";
import type { Panel } from "../panel.ts";
import { createSessionHeader } from "../sessionHeader.ts";
import { createHostControls } from "./hostControls.ts";
import { createLobbyPanel } from "./lobbyPanel.ts";
import { createSidePanel } from "./sidePanel.ts";

export function mountHostSession(container: HTMLElement, connection: SessionConnection, scenario: Scenario, live: LiveRegion): void {
  const boardHost = h("div", { class: "board", attrs: { "aria-hidden": "true" } });
  // Focusable so keyboard users can scroll a long argument wall or list of "why" lines.
  const side = h("aside", { class: "side-panel", attrs: { "aria-label": t("host.side.label"), tabindex: 0 } });
  const stage = h("main", { class: "host-stage", attrs: { id: "main" } });
  let board: BoardHandle | null = null;
  let panel: Panel | null = null;
  let screenKey = "";
  let header = createSessionHeader(connection, scenario);
  let codeBadge = h("p", { class: "code-badge" });
  let controls = createHostControls(connection);

  const layout = () => {
    header.element.append(codeBadge);
    container.replaceChildren(header.element, stage, controls.element);
  };

  const render = (s: SessionSnapshot, force = false) => {
    header.update(s);
    controls.update(s);
    codeBadge.textContent = t("host.codeBadge", { host: location.host, code: s.code });
    const key = `${s.phase}|${s.round}`;
    if (force || key !== screenKey) {
      if (key !== screenKey) live.announce(t("announce.phase", { phase: t(`phase.${s.phase}`), round: s.round }));
      screenKey = key;
      panel?.destroy?.();
      if (s.phase === "lobby") {
        board?.destroy();
        board = null;
        panel = createLobbyPanel(connection, scenario, s);
        stage.className = "host-stage lobby-stage";
        stage.replaceChildren(panel.element);
        return;
      }
      panel = createSidePanel(connection, scenario, s);
      side.replaceChildren(panel.element);
      stage.className = "host-stage board-stage";
      if (!board) {
        stage.replaceChildren(boardHost, side);
        board = mountProjectorBoard(boardHost, scenario, s);
      }
    }
    panel?.update(s);
    board?.update(s);
  };

  connection.onState((s) => render(s));
  onLanguageChange(() => {
    header.destroy();
    controls.destroy();
    header = createSessionHeader(connection, scenario);
    codeBadge = h("p", { class: "code-badge" });
    controls = createHostControls(connection);
    layout();
    side.setAttribute("aria-label", t("host.side.label"));
    render(connection.snapshot, true);
  });
  layout();
  render(connection.snapshot, true);
}
