// Student page: reconnects this tab's seat after a reload, else shows the join form; then the game screen.
import type { Refusal } from "../../../shared/protocol/index.ts";
import { hasChosenLanguage, onLanguageChange, setLanguage, t } from "../../i18n/i18n.ts";
import { SessionConnection } from "../../net/sessionConnection.ts";
import { getDeviceToken, getReconnectionToken, getSavedNickname, saveNickname } from "../../net/storage.ts";
import { loadScenario } from "../../scenario/loadScenario.ts";
import "../../styles/phone.css";
import { h } from "../../ui/dom.ts";
import { createLanguageSwitch } from "../../ui/languageSwitch.ts";
import { createLiveRegion } from "../../ui/liveRegion.ts";
import { createStatusBanner } from "../../ui/statusBanner.ts";
import { createJoinForm } from "./joinForm.ts";
import { mountStudentGame } from "./studentGame.ts";

export function renderStudentPage(root: HTMLElement, code: string): void {
  const banner = createStatusBanner();
  const live = createLiveRegion();
  const title = h("p", { class: "brand" }, t("app.title"));
  onLanguageChange(() => (title.textContent = t("app.title")));
  const content = h("div", { class: "student-content" });
  root.replaceChildren(h("div", { class: "student-page" }, h("div", { class: "top-bar" }, title, createLanguageSwitch()), banner.element, content, live.element));

  const enter = async (connection: SessionConnection) => {
    const scenario = await loadScenario(connection.snapshot.scenarioId);
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
              const result = await SessionConnection.join(joinCode, { as: "student", nickname, deviceToken: getDeviceToken() });
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
  };

  const token = code ? getReconnectionToken("student", code) : null;
  if (!token) return showJoinForm(code);
  content.replaceChildren(h("p", { class: "waiting-text", attrs: { role: "status" } }, t("connection.rejoining")));
  void (async () => {
    const reconnected = await SessionConnection.reconnect(token, "student");
    if (reconnected) return enter(reconnected);
    // The held seat is gone (window passed): the device token reclaims it with the same nickname.
    const nickname = getSavedNickname();
    const rejoined = nickname ? await SessionConnection.join(code, { as: "student", nickname, deviceToken: getDeviceToken() }) : null;
    if (rejoined?.ok) return enter(rejoined.value);
    showJoinForm(code);
  })();
}
