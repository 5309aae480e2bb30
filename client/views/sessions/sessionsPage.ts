// /host/sessions: the sessions hosted from this browser (their keys stay in it), with date, scenario, rounds, students, and reopen / report / delete.
import "../../styles/report.css";
import { formatNumber, getLanguage, onLanguageChange, t, tn } from "../../i18n/i18n.ts";
import { forgetHostKey, listHostKeys } from "../../net/hostKeys.ts";
import { h } from "../../ui/dom.ts";
import { createLanguageSwitch } from "../../ui/languageSwitch.ts";
import { createLiveRegion } from "../../ui/liveRegion.ts";
import type { RecordFailure } from "../report/reportApi.ts";
import { confirmDelete } from "./confirmDelete.ts";
import type { LookedUpSession } from "./sessionsApi.ts";
import { deleteSession, lookupSessions } from "./sessionsApi.ts";
import type { SessionRow } from "./sessionsModel.ts";
import { getSessionRows } from "./sessionsModel.ts";

function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(getLanguage() === "es" ? "es-MX" : "en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

function failureText(failure: RecordFailure): string {
  return failure === "network" ? t("report.error.network") : failure === "unauthorized" ? t("sessions.error.unauthorized") : t("sessions.error.server");
}

export function renderSessionsPage(root: HTMLElement): void {
  const live = createLiveRegion();
  const content = h("div", { class: "sessions-content" });
  const title = h("a", { class: "brand", attrs: { href: "/" } }, t("app.title"));
  root.replaceChildren(h("div", { class: "sessions-page" }, h("div", { class: "top-bar" }, title, createLanguageSwitch()), content, live.element));

  let found: LookedUpSession[] = [];
  let lookupFailure: RecordFailure | null = null;
  let loading = true;
  const errors = new Map<string, string>();

  const renderRow = (row: SessionRow): HTMLElement => {
    const headingId = `session-${row.code}`;
    const error = errors.get(row.code);
    const remove = h("button", { class: "button small danger", attrs: { type: "button", "aria-describedby": headingId } }, row.kind === "known" ? t("sessions.delete") : t("sessions.forget"));
    remove.addEventListener("click", () => void onRemove(row, remove));
    const actions = h("div", { class: "session-actions" });
    if (row.kind === "known") {
      if (row.canReopen) actions.append(h("a", { class: "button small primary", attrs: { href: `/host/${row.code}`, "aria-describedby": headingId } }, t("sessions.reopen")));
      actions.append(h("a", { class: "button small", attrs: { href: `/report/${row.code}`, "aria-describedby": headingId } }, t("sessions.report")));
    }
    // The server keeps a live session's record until it ends: it can be deleted then.
    if (row.kind === "known" && row.canReopen) actions.append(h("p", { class: "hint" }, t("sessions.liveHint")));
    else actions.append(remove);
    const details =
      row.kind === "known"
        ? h(
            "dl",
            { class: "session-facts" },
            h("dt", {}, t("report.summary.date")),
            h("dd", {}, h("time", { attrs: { datetime: row.session.createdAt } }, formatDate(row.session.createdAt))),
            h("dt", {}, t("report.summary.scenario")),
            h("dd", {}, row.session.scenario.title),
            h("dt", {}, t("report.summary.rounds")),
            h("dd", {}, t("report.summary.roundsOf", { played: formatNumber(row.session.roundsPlayed), total: formatNumber(row.session.totalRounds) })),
            h("dt", {}, t("report.summary.class")),
            h("dd", {}, tn("report.students", row.session.students)),
            h("dt", {}, t("report.summary.status")),
            h("dd", {}, row.session.status === "live" ? t("sessions.status.live", { phase: t(`phase.${row.session.phase}`) }) : t("report.status.ended")),
          )
        : h("p", { class: "muted" }, t("sessions.unknown"));
    return h(
      "li",
      { class: `session-card session-${row.kind}`, attrs: { "data-code": row.code } },
      h("h2", { id: headingId, class: "session-code" }, t("sessions.code", { code: row.code })),
      details,
      error ? h("p", { class: "field-error", attrs: { role: "alert" } }, error) : null,
      actions,
    );
  };

  const render = () => {
    document.title = `${t("sessions.title")} · ${t("app.title")}`;
    title.textContent = t("app.title");
    const held = listHostKeys();
    const rows = getSessionRows(held, found);
    // When the server could not be asked, say nothing about records: only the codes, each with its report link.
    const unchecked = () =>
      h("ul", { class: "session-list" }, ...held.map((k) => h("li", { class: "session-card", attrs: { "data-code": k.code } }, h("h2", { class: "session-code" }, t("sessions.code", { code: k.code })), h("div", { class: "session-actions" }, h("a", { class: "button small", attrs: { href: `/report/${k.code}` } }, t("sessions.report"))))));
    const list =
      held.length === 0
        ? h("p", { class: "sessions-empty" }, t("sessions.empty"))
        : loading
          ? h("p", { class: "waiting-text", attrs: { role: "status" } }, t("sessions.loading"))
          : lookupFailure
            ? unchecked()
            : h("ul", { class: "session-list" }, ...rows.map(renderRow));
    content.replaceChildren(
      h(
        "main",
        { class: "sessions", attrs: { id: "main" } },
        h("div", { class: "sessions-head" }, h("h1", { attrs: { tabindex: -1 } }, t("sessions.title")), h("a", { class: "button primary", attrs: { href: "/host" } }, t("host.newSession"))),
        h("p", { class: "report-lead" }, t("sessions.lead")),
        lookupFailure ? h("p", { class: "field-error", attrs: { role: "alert" } }, failureText(lookupFailure)) : null,
        list,
      ),
    );
  };

  async function onRemove(row: SessionRow, button: HTMLButtonElement): Promise<void> {
    if (!(await confirmDelete(row.code, { forgetOnly: row.kind === "unknown" }))) return;
    button.disabled = true;
    if (row.kind === "known") {
      const result = await deleteSession(row.code, row.hostKey);
      if (!result.ok) {
        errors.set(row.code, failureText(result.failure));
        render();
        return;
      }
    }
    forgetHostKey(row.code);
    found = found.filter((s) => s.code !== row.code);
    errors.delete(row.code);
    render();
    live.announce(t("sessions.deleted", { code: row.code }));
    content.querySelector<HTMLElement>("h1")?.focus();
  }

  onLanguageChange(render);
  render();
  void lookupSessions(listHostKeys()).then((result) => {
    loading = false;
    if (result.ok) found = result.value;
    else lookupFailure = result.failure;
    render();
  });
}
