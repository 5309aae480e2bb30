// The second screen's layout: session header, the join code in the lobby, then the Phaser board beside the read-only phase panel.
import QRCode from "qrcode";
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { onLanguageChange, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h } from "../../ui/dom.ts";
import type { LiveRegion } from "../../ui/liveRegion.ts";
import type { BoardHandle } from "../boardMount.ts";
import { mountProjectorBoard } from "../boardMount.ts";
import { createSessionHeader } from "../sessionHeader.ts";
import { renderWatchPanel } from "./watchPanel.ts";

/** Where students join: this screen's own origin, which the class reaches too (it is on the same network). */
function joinUrl(code: string): string {
  return `${location.origin}/join/${code}`;
}

function createJoinPanel(code: string): HTMLElement {
  const canvas = h("canvas", { class: "qr", attrs: { role: "img", "aria-label": t("host.lobby.qr", { url: joinUrl(code) }) } });
  void QRCode.toCanvas(canvas, joinUrl(code), { width: 280, margin: 1, errorCorrectionLevel: "M" });
  return h(
    "section",
    { class: "join-box", attrs: { "aria-label": t("host.lobby.joinTitle") } },
    h(
      "div",
      { class: "join-text" },
      h("p", { class: "join-how" }, t("host.lobby.goTo")),
      h("p", { class: "join-url" }, `${location.host}/join`),
      h("p", { class: "join-how" }, t("host.lobby.enterCode")),
      h("p", { class: "join-code", attrs: { "aria-label": t("host.lobby.codeIs", { code: code.split("").join(" ") }) } }, code),
    ),
    canvas,
  );
}

/** Stops following: listeners, countdown timer and the board go (before a new connection is mounted). */
export interface WatchSession {
  destroy(): void;
}

export function mountWatchSession(container: HTMLElement, connection: SessionConnection, scenario: Scenario, live: LiveRegion): WatchSession {
  const boardHost = h("div", { class: "board", attrs: { "aria-hidden": "true" } });
  // Focusable so a keyboard can scroll a long argument wall.
  const side = h("aside", { class: "side-panel watch-side", attrs: { "aria-label": t("watch.side.label"), tabindex: 0 } });
  const stage = h("main", { class: "host-stage watch-stage", attrs: { id: "main" } });
  let header = createSessionHeader(connection, scenario, [h("p", { class: "code-badge" }, t("host.codeBadge", { url: `${location.host}/join`, code: connection.code }))]);
  let board: BoardHandle | null = null;
  let screenKey = "";

  const render = (s: SessionSnapshot, force = false) => {
    header.update(s);
    const key = `${s.phase}|${s.round}`;
    if (key !== screenKey) live.announce(t("announce.phase", { phase: t(`phase.${s.phase}`), round: s.round }));
    if (s.phase === "lobby") {
      board?.destroy();
      board = null;
      if (force || key !== screenKey) {
        stage.className = "host-stage lobby-stage watch-stage";
        stage.replaceChildren(createJoinPanel(s.code), h("div", { class: "watch-lobby-side" }, renderWatchPanel(scenario, s)));
      } else {
        stage.lastElementChild?.replaceChildren(renderWatchPanel(scenario, s));
      }
      screenKey = key;
      return;
    }
    screenKey = key;
    side.replaceChildren(renderWatchPanel(scenario, s));
    if (!board) {
      stage.className = "host-stage board-stage watch-stage";
      stage.replaceChildren(h("div", { class: "board-wrap" }, boardHost), side);
      board = mountProjectorBoard(boardHost, scenario, s);
    } else {
      board.update(s);
    }
  };

  const stopState = connection.onState((s) => render(s));
  const stopLanguage = onLanguageChange(() => {
    header.destroy();
    header = createSessionHeader(connection, scenario, [h("p", { class: "code-badge" }, t("host.codeBadge", { url: `${location.host}/join`, code: connection.code }))]);
    container.replaceChildren(header.element, stage);
    side.setAttribute("aria-label", t("watch.side.label"));
    render(connection.snapshot, true);
  });
  container.replaceChildren(header.element, stage);
  render(connection.snapshot, true);
  return {
    destroy() {
      stopState();
      stopLanguage();
      header.destroy();
      board?.destroy();
      board = null;
    },
  };
}
