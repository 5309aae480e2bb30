// Host page: the create form at /host, or /host/CODE which reconnects (tab token, else the saved host key).
import "../../styles/host.css";
import type { CreateOptions, Refusal } from "../../../shared/protocol/index.ts";
import { onLanguageChange, t } from "../../i18n/i18n.ts";
import { SessionConnection } from "../../net/sessionConnection.ts";
import { getHostKey, getReconnectionToken, saveHostKey } from "../../net/storage.ts";
import { listScenarios, loadScenario } from "../../scenario/loadScenario.ts";
import { h } from "../../ui/dom.ts";
import { createLanguageSwitch } from "../../ui/languageSwitch.ts";
import { createLiveRegion } from "../../ui/liveRegion.ts";
import { createStatusBanner } from "../../ui/statusBanner.ts";
import { getRefusalText } from "../../ui/refusalText.ts";
import { createHostForm } from "./createForm.ts";
import { mountHostSession } from "./hostSession.ts";

export function renderHostPage(root: HTMLElement, code: string | null): void {
  const banner = createStatusBanner();
  const live = createLiveRegion();
  const content = h("div", { class: "host-content" });
  const title = h("p", { class: "brand" }, t("app.title"));
  onLanguageChange(() => (title.textContent = t("app.title")));
  root.replaceChildren(h("div", { class: "host-page" }, h("div", { class: "top-bar" }, title, createLanguageSwitch()), banner.element, content, live.element));

  const enter = async (connection: SessionConnection) => {
    if (connection.welcome.hostKey) saveHostKey(connection.code, connection.welcome.hostKey);
    history.replaceState(null, "", `/host/${connection.code}`);
    const scenario = await loadScenario(connection.snapshot.scenarioId);
    connection.onStatus((status) => banner.show(status));
    mountHostSession(content, connection, scenario, live);
  };

  const showMessage = (text: string) =>
    content.replaceChildren(h("main", { class: "card message", attrs: { id: "main" } }, h("p", { attrs: { role: "alert" } }, text), h("a", { class: "button primary", attrs: { href: "/host" } }, t("host.newSession"))));

  const showForm = async () => {
    const scenarios = await listScenarios().catch(() => []);
    if (scenarios.length === 0) return showMessage(t("host.noScenarios"));
    const render = () =>
      content.replaceChildren(
        h(
          "main",
          { class: "host-create", attrs: { id: "main" } },
          createHostForm(scenarios, async (options: CreateOptions): Promise<Refusal | null> => {
            const result = await SessionConnection.create(options);
            if (!result.ok) return result.refusal;
            stop();
            await enter(result.value);
            return null;
          }),
        ),
      );
    const stop = onLanguageChange(render);
    render();
  };

  if (!code) {
    void showForm();
    return;
  }
  content.replaceChildren(h("p", { class: "waiting-text", attrs: { role: "status" } }, t("connection.rejoining")));
  void (async () => {
    const token = getReconnectionToken("host", code);
    const reconnected = token ? await SessionConnection.reconnect(token, "host") : null;
    if (reconnected) return enter(reconnected);
    const hostKey = getHostKey(code);
    if (!hostKey) return showMessage(t("host.noKey", { code }));
    const result = await SessionConnection.join(code, { as: "host", hostKey });
    if (result.ok) return enter(result.value);
    showMessage(getRefusalText(result.refusal));
  })();
}
