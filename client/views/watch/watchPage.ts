// /watch/CODE: a second screen (projector) that joins as a spectator — no seat, no host key, no controls — and follows the session.
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
import { mountWatchSession } from "./watchSession.ts";

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

  const enter = async (connection: SessionConnection) => {
    const scenario = await loadScenario(connection.snapshot.scenarioId).catch(() => null);
    if (!scenario) return showMessage(t("watch.noScenario"));
    connection.onStatus((status) => banner.show(status));
    mountWatchSession(content, connection, scenario, live);
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
