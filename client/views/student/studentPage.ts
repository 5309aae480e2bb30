// Student page: reconnects this tab's seat after a reload, else shows the join form; then the game screen.
// The join form comes first and alone: the connection (Colyseus SDK) loads once the student starts on the
// form, and the game screens with the scenario once they are in, so the first page stays small on a phone.
import type { Refusal } from "../../../shared/protocol/index.ts";
import { refusal } from "../../../shared/protocol/refusals.ts";
import { hasChosenLanguage, onLanguageChange, setLanguage, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import { getDeviceToken, getReconnectionToken, getSavedNickname, saveNickname } from "../../net/storage.ts";
import { loadScenario } from "../../scenario/loadScenario.ts";
import "../../styles/phone.css";
import { h } from "../../ui/dom.ts";
import { createLanguageSwitch } from "../../ui/languageSwitch.ts";
import { createLiveRegion } from "../../ui/liveRegion.ts";
import { createStatusBanner } from "../../ui/statusBanner.ts";
import { createJoinForm } from "./joinForm.ts";

/** The connection module (with the Colyseus SDK): fetched once, when first needed. */
function loadConnection(): Promise<typeof SessionConnection> {
  return import("../../net/sessionConnection.ts").then((m) => m.SessionConnection);
}

export function renderStudentPage(root: HTMLElement, code: string): void {
  const banner = createStatusBanner();
  const live = createLiveRegion();
  const title = h("p", { class: "brand" }, t("app.title"));
  onLanguageChange(() => (title.textContent = t("app.title")));
  const content = h("div", { class: "student-content" });
  root.replaceChildren(h("div", { class: "student-page" }, h("div", { class: "top-bar" }, title, createLanguageSwitch()), banner.element, content, live.element));

  const enter = async (connection: SessionConnection) => {
    const [scenario, { mountStudentGame }] = await Promise.all([loadScenario(connection.snapshot.scenarioId), import("./studentGame.ts")]);
    if (!hasChosenLanguage()) setLanguage(connection.snapshot.language, { remember: false });
    history.replaceState(null, "", `/join/${connection.code}`);
    connection.onStatus((status) => banner.show(status));
    mountStudentGame(content, connection, scenario, live);
  };

  const showJoinForm = (prefill: string) => {
    // A language switch redraws the form with what the student has typed so far.
    const typed = (name: string) => content.querySelector<HTMLInputElement>(`form.join-form input[name=${name}]`)?.value;
    const render = () =>
      content.replaceChildren(
        h(
          "main",
          { attrs: { id: "main" } },
          createJoinForm({
            code: typed("code") ?? prefill,
            nickname: typed("nickname"),
            onSubmit: async (joinCode, nickname): Promise<Refusal | null> => {
              const Connection = await loadConnection().catch(() => null);
              // The page could not fetch its own code: the server is not reachable from this phone.
              if (!Connection) return refusal("join/session-unavailable");
              const result = await Connection.join(joinCode, { as: "student", nickname, deviceToken: getDeviceToken() });
              if (!result.ok) return result.refusal;
              saveNickname(nickname);
              unsubscribe();
              await enter(result.value);
              return null;
            },
          }),
        ),
      );
    const unsubscribe = onLanguageChange(render);
    render();
    // A student who starts on the form will join: the connection loads while they type.
    content.addEventListener("focusin", () => void loadConnection().catch(() => undefined), { once: true });
  };

  const token = code ? getReconnectionToken("student", code) : null;
  if (!token) return showJoinForm(code);
  content.replaceChildren(h("p", { class: "waiting-text", attrs: { role: "status" } }, t("connection.rejoining")));
  void (async () => {
    const Connection = await loadConnection().catch(() => null);
    if (!Connection) return showJoinForm(code);
    const reconnected = await Connection.reconnect(token, "student");
    if (reconnected) return enter(reconnected);
    // The held seat is gone (window passed): the device token reclaims it with the same nickname.
    const nickname = getSavedNickname();
    const rejoined = nickname ? await Connection.join(code, { as: "student", nickname, deviceToken: getDeviceToken() }) : null;
    if (rejoined?.ok) return enter(rejoined.value);
    showJoinForm(code);
  })();
}
