// /watch/CODE: a second screen (projector) that joins as a spectator — no seat, no host key, no controls — follows the session, and finds it again after a server restart.
import "../../styles/report.css";
import { onLanguageChange, t } from "../../i18n/i18n.ts";
import { SessionConnection } from "../../net/sessionConnection.ts";
import { getReconnectionToken } from "../../net/storage.ts";
import { loadScenario } from "../../scenario/loadScenario.ts";
import { h } from "../../ui/dom.ts";
import { createLanguageSwitch } from "../../ui/languageSwitch.ts";
import { createLiveRegion } from "../../ui/liveRegion.ts";
import { getRefusalText } from "../../ui/refusalText.ts";
import { createStatusBanner } from "../../ui/statusBanner.ts";
import type { WatchSession } from "./watchSession.ts";
import { mountWatchSession } from "./watchSession.ts";

/** Every 5 s stays under the server's 20 failed joins per address per minute. */
const REJOIN_EVERY_MS = 5_000;
/** A restart takes seconds; after ten minutes the teacher reloads by hand. */
const REJOIN_FOR_MS = 10 * 60_000;

export function renderWatchPage(root: HTMLElement, code: string): void {
  const banner = createStatusBanner();
  const live = createLiveRegion();
  const content = h("div", { class: "host-content watch-content" });
  const title = h("p", { class: "brand" }, t("app.title"));
  const mode = h("p", { class: "watch-mode" }, t("watch.mode"));
  onLanguageChange(() => {
    title.textContent = t("app.title");
    mode.textContent = t("watch.mode");
  });
  root.replaceChildren(h("div", { class: "host-page watch-page" }, h("div", { class: "top-bar" }, title, mode, createLanguageSwitch()), banner.element, content, live.element));

  const showMessage = (text: string) =>
    content.replaceChildren(h("main", { class: "card message", attrs: { id: "main" } }, h("h1", {}, t("watch.title", { code })), h("p", { attrs: { role: "alert" } }, text), h("a", { class: "button", attrs: { href: "/" } }, t("common.backHome"))));

  let mounted: WatchSession | null = null;
  let rejoining = false;

  const enter = async (connection: SessionConnection) => {
    const scenario = await loadScenario(connection.snapshot.scenarioId).catch(() => null);
    if (!scenario) return showMessage(t("watch.noScenario"));
    connection.onStatus((status) => {
      banner.show(status);
      // A projector nobody watches over: after the server restarts, find the session again by itself.
      if (status.kind === "left" && status.reason === "lost" && connection.snapshot.phase !== "ended") void rejoin();
    });
    mounted?.destroy();
    mounted = mountWatchSession(content, connection, scenario, live);
  };

  /** Joins again every few seconds (under the failed-join limit) until the session is back, it has ended, or time is up. */
  const rejoin = async () => {
    if (rejoining) return;
    rejoining = true;
    banner.show({ kind: "reconnecting" });
    const giveUpAt = Date.now() + REJOIN_FOR_MS;
    while (Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, REJOIN_EVERY_MS));
      const result = await SessionConnection.join(code, { as: "spectator" });
      if (result.ok) {
        rejoining = false;
        banner.show({ kind: "connected" });
        return enter(result.value);
      }
      if (result.refusal.code === "join/session-ended") break;
    }
    rejoining = false;
    banner.show({ kind: "left", reason: "lost" });
  };

  content.replaceChildren(h("p", { class: "waiting-text", attrs: { role: "status" } }, t("watch.connecting")));
  void (async () => {
    // After a reload, the tab's token brings the same spectator connection back instead of counting a new screen.
    const token = getReconnectionToken("spectator", code);
    const reconnected = token ? await SessionConnection.reconnect(token, "spectator") : null;
    if (reconnected) return enter(reconnected);
    const result = await SessionConnection.join(code, { as: "spectator" });
    if (result.ok) return enter(result.value);
    showMessage(getRefusalText(result.refusal));
  })();
}
