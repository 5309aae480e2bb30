// The host's class roster in every phase: names, roles (reassign), connection, this round's steps, remove (kick), and bots.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { BOT_STRATEGIES } from "../../../shared/protocol/index.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h, replaceChildren, uid } from "../../ui/dom.ts";
import type { RosterRow, StepState } from "../../viewModels/rosterModel.ts";
import { getRosterRows, getSeatCounts } from "../../viewModels/rosterModel.ts";
import type { Panel } from "../panel.ts";
import { askToConfirm } from "../../ui/confirmDialog.ts";

/** Phases in which the server accepts a new role or new bots. */
const isSetupOpen = (phase: string) => phase !== "debrief" && phase !== "ended";

function stepCell(state: StepState, doneText: string, todoText: string): HTMLElement {
  if (state === null) return h("td", { class: "step step-none" }, h("span", { attrs: { "aria-hidden": "true" } }, "–"), h("span", { class: "visually-hidden" }, t("host.roster.notYet")));
  return h("td", { class: `step step-${state}` }, state === "done" ? `✓ ${doneText}` : `… ${todoText}`);
}

export interface RosterOptions {
  headingLevel: "h2" | "h3";
  /** The round's steps (proposal, endorsements, vote); the lobby has none yet. */
  showSteps: boolean;
}

export function createRosterPanel(connection: SessionConnection, scenario: Scenario, snapshot: SessionSnapshot, options: RosterOptions): Panel {
  const feedback = createActionFeedback();
  const count = h(options.headingLevel, { class: "roster-count", attrs: { "aria-live": "polite" } });
  const body = h("tbody");
  const table = h(
    "table",
    { class: "roster-table" },
    h("caption", { class: "visually-hidden" }, t("host.roster.caption")),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...[
          t("host.roster.col.name"),
          t("host.roster.col.role"),
          t("host.roster.col.connection"),
          ...(options.showSteps ? [t("host.roster.col.proposed"), t("host.roster.col.endorsed"), t("host.roster.col.voted")] : []),
          t("host.roster.col.actions"),
        ].map((label) => h("th", { attrs: { scope: "col" } }, label)),
      ),
    ),
    body,
  );
  const empty = h("p", { class: "muted roster-empty" }, t("host.lobby.empty"));
  const act = (promise: ReturnType<SessionConnection["request"]>) => void promise.then((r) => (r.ok ? feedback.clear() : feedback.refuse(r.refusal)));

  const botCount = h("select", { id: uid("bots") }, ...[1, 2, 3, 5, 10].map((n) => h("option", { attrs: { value: n } }, String(n))));
  const botStrategy = h("select", { id: uid("strategy") }, ...BOT_STRATEGIES.map((s) => h("option", { attrs: { value: s } }, t(`bot.${s}`))));
  const addBots = h("button", { class: "button add-bots", attrs: { type: "button" } }, t("host.lobby.addBots"));
  addBots.addEventListener("click", () => {
    const strategy = BOT_STRATEGIES.find((s) => s === botStrategy.value) ?? "random";
    act(connection.request("addBots", { count: Number(botCount.value), strategy }));
  });
  const removeAllBots = h("button", { class: "button remove-all-bots", attrs: { type: "button" } }, t("host.roster.removeAllBots"));
  removeAllBots.addEventListener("click", () => {
    const bots = getSeatCounts(latest.players).bots;
    if (bots > 0) act(connection.request("removeBots", { count: bots }));
  });
  const botRow = h(
    "div",
    { class: "bot-row" },
    h("label", { attrs: { for: botCount.id } }, t("host.lobby.botCount")),
    botCount,
    h("label", { attrs: { for: botStrategy.id } }, t("host.lobby.botStrategy")),
    botStrategy,
    addBots,
    removeAllBots,
  );

  const kick = async (row: RosterRow) => {
    const answer = await askToConfirm({
      title: t("host.lobby.kickConfirm", { nickname: row.nickname }),
      text: t("host.roster.kickText"),
      action: t("host.lobby.kickWho", { nickname: row.nickname }),
      danger: true,
      checkbox: t("host.roster.kickRemoveArguments"),
    });
    if (answer.confirmed) act(connection.request("kick", { playerId: row.id, removeArgument: answer.checked }));
  };

  const renderRow = (row: RosterRow, phase: string): HTMLElement => {
    const lang = getLanguage();
    const roleId = uid("role");
    const select = h("select", { id: roleId, attrs: { disabled: !isSetupOpen(phase) } }, ...scenario.roles.map((r) => h("option", { attrs: { value: r.id, selected: r.id === row.roleId } }, r.name[lang])));
    select.addEventListener("change", () => act(connection.request("reassignRole", { playerId: row.id, roleId: select.value })));
    const remove = row.isBot
      ? h("button", { class: "button small danger remove-bot", attrs: { type: "button", "aria-label": t("host.roster.removeBotWho", { nickname: row.nickname }) } }, t("host.roster.removeBot"))
      : h("button", { class: "button small danger kick", attrs: { type: "button", "aria-label": t("host.lobby.kickWho", { nickname: row.nickname }) } }, t("host.lobby.kick"));
    remove.addEventListener("click", () => (row.isBot ? act(connection.request("removeBots", { playerId: row.id })) : void kick(row)));
    return h(
      "tr",
      { class: `roster-row${row.connected ? "" : " away"}`, attrs: { "data-player": row.nickname, style: `--role-color:${row.roleColor}` } },
      h(
        "th",
        { class: "roster-name", attrs: { scope: "row" } },
        row.nickname,
        row.isBot ? h("span", { class: "bot-badge", attrs: { title: row.strategy ? t(`bot.${row.strategy}`) : "" } }, t("host.lobby.bot")) : null,
      ),
      h("td", { class: "roster-role" }, h("label", { class: "visually-hidden", attrs: { for: roleId } }, t("host.lobby.roleOf", { nickname: row.nickname })), select),
      h("td", { class: `roster-connection ${row.connected ? "online" : "offline"}` }, row.connected ? `● ${t("host.roster.connected")}` : `○ ${t("host.lobby.away")}`),
      options.showSteps ? stepCell(row.proposed, t("host.roster.proposed"), t("host.roster.notProposed")) : null,
      !options.showSteps
        ? null
        : row.endorsed
          ? h("td", { class: `step step-${row.endorsed.state ?? "none"}` }, t("host.roster.endorsedCount", { used: row.endorsed.used, total: row.endorsed.total }))
          : stepCell(null, "", ""),
      options.showSteps ? stepCell(row.voted, t("host.roster.voted"), t("host.roster.notVoted")) : null,
      h("td", { class: "roster-actions" }, remove),
    );
  };

  let latest = snapshot;
  let signature = "";
  const render = (s: SessionSnapshot) => {
    latest = s;
    const lang = getLanguage();
    const counts = getSeatCounts(s.players);
    count.textContent = t("host.roster.count", { students: counts.students, bots: counts.bots, away: counts.away });
    addBots.disabled = !isSetupOpen(s.phase);
    botCount.disabled = botStrategy.disabled = !isSetupOpen(s.phase);
    removeAllBots.disabled = counts.bots === 0 || s.phase === "ended";
    const rows = getRosterRows(scenario, s, lang);
    const next = JSON.stringify([rows, s.phase, lang]);
    if (next === signature) return;
    signature = next;
    table.hidden = rows.length === 0;
    empty.hidden = rows.length > 0;
    replaceChildren(body, ...rows.map((row) => renderRow(row, s.phase)));
  };
  const element = h("section", { class: "roster", attrs: { "aria-label": t("host.roster.title") } }, count, empty, h("div", { class: "roster-scroll" }, table), botRow, feedback.element);
  render(snapshot);
  return { element, update: render };
}
