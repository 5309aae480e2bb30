// Host lobby: the join code in huge type, a QR code and URL, the students with their roles, reassign, kick, and bots.
import QRCode from "qrcode";
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { BOT_STRATEGIES } from "../../../shared/protocol/index.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h, replaceChildren, uid } from "../../ui/dom.ts";
import type { Panel } from "../panel.ts";

export function getJoinUrl(code: string): string {
  return `${location.origin}/join/${code}`;
}

export function createJoinBox(code: string, options: { compact: boolean }): HTMLElement {
  const canvas = h("canvas", { class: "qr", attrs: { role: "img", "aria-label": t("host.lobby.qr", { url: getJoinUrl(code) }) } });
  void QRCode.toCanvas(canvas, getJoinUrl(code), { width: options.compact ? 160 : 280, margin: 1, errorCorrectionLevel: "M" });
  return h(
    "section",
    { class: `join-box${options.compact ? " compact" : ""}`, attrs: { "aria-label": t("host.lobby.joinTitle") } },
    h("div", {}, h("p", { class: "join-how" }, t("host.lobby.goTo")), h("p", { class: "join-url" }, `${location.host}/join`), h("p", { class: "join-how" }, t("host.lobby.enterCode")), h("p", { class: "join-code", attrs: { "aria-label": t("host.lobby.codeIs", { code: code.split("").join(" ") }) } }, code)),
    canvas,
  );
}

export function createLobbyPanel(connection: SessionConnection, scenario: Scenario, snapshot: SessionSnapshot): Panel {
  const feedback = createActionFeedback();
  const list = h("ul", { class: "player-list" });
  const count = h("h2", { attrs: { "aria-live": "polite" } });
  const botCount = h("select", { id: uid("bots") }, ...[1, 2, 3, 5, 10].map((n) => h("option", { attrs: { value: n } }, String(n))));
  const botStrategy = h("select", { id: uid("strategy") }, ...BOT_STRATEGIES.map((s) => h("option", { attrs: { value: s } }, t(`bot.${s}`))));
  const addBots = h("button", { class: "button", attrs: { type: "button" } }, t("host.lobby.addBots"));
  addBots.addEventListener("click", () => {
    const strategy = BOT_STRATEGIES.find((s) => s === botStrategy.value) ?? "random";
    void connection.request("addBots", { count: Number(botCount.value), strategy }).then((r) => (r.ok ? feedback.clear() : feedback.refuse(r.refusal)));
  });
  let signature = "";
  const render = (s: SessionSnapshot) => {
    const lang = getLanguage();
    const humans = s.players.filter((p) => !p.isBot).length;
    count.textContent = t("host.lobby.count", { students: humans, bots: s.players.length - humans });
    const next = JSON.stringify([s.players, lang]);
    if (next === signature) return;
    signature = next;
    if (s.players.length === 0) return replaceChildren(list, h("li", { class: "muted" }, t("host.lobby.empty")));
    replaceChildren(
      list,
      ...s.players.map((p) => {
        const roleId = uid("role");
        const select = h("select", { id: roleId }, ...scenario.roles.map((r) => h("option", { attrs: { value: r.id, selected: r.id === p.roleId } }, r.name[lang])));
        select.addEventListener("change", () => void connection.request("reassignRole", { playerId: p.id, roleId: select.value }).then((r) => (r.ok ? feedback.clear() : feedback.refuse(r.refusal))));
        const kick = h("button", { class: "button small danger", attrs: { type: "button", "aria-label": t("host.lobby.kickWho", { nickname: p.nickname }) } }, t("host.lobby.kick"));
        kick.addEventListener("click", () => {
          if (!confirm(t("host.lobby.kickConfirm", { nickname: p.nickname }))) return;
          void connection.request("kick", { playerId: p.id }).then((r) => (r.ok ? feedback.clear() : feedback.refuse(r.refusal)));
        });
        return h(
          "li",
          { class: "player" },
          h("span", { class: "player-name" }, p.nickname, p.isBot ? ` (${t("host.lobby.bot")})` : "", p.connected ? "" : ` — ${t("host.lobby.away")}`),
          h("label", { class: "visually-hidden", attrs: { for: roleId } }, t("host.lobby.roleOf", { nickname: p.nickname })),
          select,
          kick,
        );
      }),
    );
  };
  const element = h(
    "section",
    { class: "panel lobby" },
    createJoinBox(snapshot.code, { compact: false }),
    h(
      "div",
      { class: "lobby-players" },
      count,
      list,
      h("div", { class: "bot-row" }, h("label", { attrs: { for: botCount.id } }, t("host.lobby.botCount")), botCount, h("label", { attrs: { for: botStrategy.id } }, t("host.lobby.botStrategy")), botStrategy, addBots),
      feedback.element,
    ),
  );
  render(snapshot);
  return { element, update: render };
}
