// The report's sections as DOM: summary, the path charts, each round, role scores, most-endorsed arguments, participation per student.
import type { Report, ReportArgument } from "../../../shared/report/reportSchema.ts";
import { formatNumber, getLanguage, t, tn } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";
import { renderReportChart } from "./reportChart.ts";
import type { CaptureOutcome, CaptureSummary, RoundView } from "./reportModel.ts";
import { getParticipation, getReportCharts, getReportCounts, getRoundViews, getTopArguments } from "./reportModel.ts";

/** Whole numbers for big values (homicides, money), one decimal for small ones (indexes). */
const num = (n: number) => formatNumber(n, { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 1 });
const signed = (n: number) => (n > 0 ? `+${num(n)}` : n < 0 ? `−${num(Math.abs(n))}` : "0");
const percent = (share: number) => formatNumber(share, { style: "percent", maximumFractionDigits: 0 });

function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(getLanguage() === "es" ? "es-MX" : "en-US", { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
}

function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h("section", { class: `report-section report-${id}`, attrs: { "aria-labelledby": `report-${id}-title` } }, h("h2", { id: `report-${id}-title` }, title), ...children);
}

function table(caption: string, head: string[], rows: (string | Node)[][], options: { className?: string; numericFrom?: number } = {}): HTMLTableElement {
  const numericFrom = options.numericFrom ?? head.length;
  return h(
    "table",
    { class: `report-table ${options.className ?? ""}`.trim() },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...head.map((cell, i) => h("th", { class: i >= numericFrom ? "num" : undefined, attrs: { scope: "col" } }, cell)))),
    h(
      "tbody",
      {},
      ...rows.map((row) => h("tr", {}, ...row.map((cell, i) => (i === 0 ? h("th", { attrs: { scope: "row" } }, cell) : h("td", { class: i >= numericFrom ? "num" : undefined }, cell))))),
    ),
  );
}

export function renderSummary(report: Report): HTMLElement {
  const s = report.session;
  const counts = getReportCounts(report);
  const status = s.status === "live" ? t("report.status.live", { phase: t(`phase.${s.phase}`) }) : t("report.status.ended");
  return h(
    "dl",
    { class: "report-summary" },
    h("dt", {}, t("report.summary.scenario")),
    h("dd", {}, s.scenario.title),
    h("dt", {}, t("report.summary.date")),
    h("dd", {}, formatDate(s.createdAt), s.endedAt ? ` – ${formatDate(s.endedAt)}` : ""),
    h("dt", {}, t("report.summary.status")),
    h("dd", {}, status),
    h("dt", {}, t("report.summary.rounds")),
    h("dd", {}, t("report.summary.roundsOf", { played: counts.roundsPlayed, total: counts.totalRounds })),
    h("dt", {}, t("report.summary.class")),
    h("dd", {}, tn("report.students", counts.students), counts.bots > 0 ? ` · ${tn("report.bots", counts.bots)}` : ""),
    h("dt", {}, t("report.summary.vote")),
    h("dd", {}, s.settings.voteMode === "points" ? t("report.summary.votePoints", { points: s.settings.votePoints }) : t("report.summary.voteSingle")),
  );
}

export function renderPathSection(report: Report): HTMLElement {
  const charts = getReportCharts(report);
  const hasHistory = report.path.historical.length > 0;
  return section(
    "path",
    t("report.path.title"),
    h("p", { class: "report-lead" }, hasHistory ? t("report.path.lead") : t("report.path.noHistory")),
    h("div", { class: "report-charts" }, ...charts.map(renderReportChart)),
  );
}

function renderCaptures(captures: CaptureSummary): HTMLElement {
  const outcome = (o: CaptureOutcome, splinters: number) => (o === "dismantled" ? t("report.round.dismantled") : o === "split" ? tn("report.round.splinters", splinters) : t("report.round.intact"));
  const parts = captures.named.map((c) => `${c.name} (${c.regionName}, ${c.year}): ${outcome(c.outcome, c.splinters)}`);
  if (captures.lesser.count > 0) parts.push(tn("report.round.lesser", captures.lesser.count, { split: captures.lesser.split, dismantled: captures.lesser.dismantled }));
  return h("p", { class: "report-captures" }, h("strong", {}, t("report.round.captures")), " ", parts.join("; "), ".");
}

function renderRound(round: RoundView): HTMLElement {
  const titleId = `report-round-${round.round}`;
  const decision = round.resolved ? t("report.round.mix", { mix: round.tally.map((row) => `${row.name} ${percent(row.share)}`).join(", ") }) : t("report.round.unresolved");
  return h(
    "article",
    { class: "report-round", attrs: { "aria-labelledby": titleId } },
    h("h3", { id: titleId }, t("report.round.heading", { round: round.round, title: round.title, years: round.years })),
    round.events.length > 0 ? h("p", { class: "report-events" }, h("strong", {}, t("report.round.events")), " ", round.events.join(" · ")) : null,
    h("p", { class: "report-decision" }, decision),
    round.resolved && round.tally.length > 0
      ? table(
          t("report.round.tallyCaption", { votes: round.votes }),
          [t("report.col.policy"), t("report.col.points"), t("report.col.share")],
          round.tally.map((row) => [row.name, num(row.points), percent(row.share)]),
          { numericFrom: 1, className: "report-tally" },
        )
      : null,
    round.resolved && round.indicators.length > 0
      ? table(
          t("report.round.indicatorsCaption"),
          [t("report.col.indicator"), t("report.col.start"), t("report.col.end"), t("report.col.change")],
          round.indicators.map((i) => [i.name, num(i.start), num(i.end), h("span", { class: `tone-${i.tone}` }, signed(i.delta), i.tone === "neutral" ? "" : ` (${t(i.tone === "better" ? "report.tone.better" : "report.tone.worse")})`)]),
          { numericFrom: 1, className: "report-indicators" },
        )
      : null,
    round.captures.named.length + round.captures.lesser.count > 0 ? renderCaptures(round.captures) : null,
    round.why.length > 0
      ? h(
          "div",
          { class: "report-why" },
          h("h4", {}, t("report.round.why")),
          h(
            "ol",
            { class: "why-list" },
            ...round.why.map((w) =>
              h(
                "li",
                { class: "why-line" },
                h("p", { class: "why-head" }, `${signed(w.delta)} ${w.indicatorLabel}`, w.regionName ? ` · ${w.regionName}` : ""),
                h("p", { class: "why-text" }, w.text),
                ...w.figures.map((f) => h("p", { class: "why-cite" }, t("report.cite", { claim: f.claim, period: f.period, source: f.source }))),
              ),
            ),
          ),
        )
      : null,
  );
}

export function renderRoundsSection(report: Report): HTMLElement {
  const rounds = getRoundViews(report);
  return section("rounds", t("report.rounds.title"), rounds.length === 0 ? h("p", { class: "muted" }, t("report.rounds.none")) : null, ...rounds.map(renderRound));
}

export function renderScoresSection(report: Report): HTMLElement {
  const score = (n: number | null) => (n === null ? "—" : num(Math.round(n)));
  const { scores } = report;
  return section(
    "scores",
    t("report.scores.title"),
    h("p", { class: "report-lead" }, t("report.scores.hint")),
    table(
      t("report.scores.caption"),
      [t("report.col.agenda"), t("report.col.class"), t("report.col.history")],
      [[h("strong", {}, t("report.scores.classOutcome")), score(scores.classOutcome), score(scores.historicalClassOutcome)], ...scores.roles.map((r) => [r.name, score(r.score), score(r.historicalScore)])],
      { numericFrom: 1, className: "report-scores-table" },
    ),
  );
}

function argumentItem(report: Report, a: ReportArgument): HTMLElement {
  const author = a.authorNickname ? `${a.authorNickname}${a.authorIsBot ? ` (${t("report.bot")})` : ""}` : t("report.anonymous");
  const role = report.names.roles.find((r) => r.id === a.authorRoleId)?.name ?? "";
  return h(
    "li",
    { class: "report-argument" },
    h("p", { class: "argument-policy" }, t("report.argument.head", { round: a.round, policy: a.policyName })),
    h("blockquote", { class: "argument-text" }, a.text),
    a.figure ? h("p", { class: "argument-cite" }, t("report.cite", { claim: a.figure.claim, period: a.figure.period, source: a.figure.source })) : null,
    h("p", { class: "argument-meta" }, [author, role, t("argument.endorsements", { count: a.endorsements }), a.hidden ? t("report.argument.hidden") : ""].filter(Boolean).join(" · ")),
  );
}

export function renderArgumentsSection(report: Report): HTMLElement {
  const top = getTopArguments(report);
  return section(
    "arguments",
    t("report.arguments.title"),
    h("p", { class: "report-lead" }, t("report.arguments.hint")),
    top.length === 0 ? h("p", { class: "muted" }, t("report.arguments.none")) : h("ol", { class: "report-arguments" }, ...top.map((a) => argumentItem(report, a))),
  );
}

export function renderParticipationSection(report: Report): HTMLElement {
  const rows = getParticipation(report);
  const col = (text: string, options: { numeric?: boolean; rowspan?: number; colspan?: number } = {}) =>
    h("th", { class: options.numeric ? "num" : undefined, attrs: { scope: options.colspan ? "colgroup" : "col", rowspan: options.rowspan, colspan: options.colspan } }, text);
  // Two header rows (arguments and endorsements each over two columns) keep the table within a printed page's width.
  const head = h(
    "thead",
    {},
    h(
      "tr",
      {},
      col(t("report.col.student"), { rowspan: 2 }),
      col(t("report.col.role"), { rowspan: 2 }),
      col(t("report.col.proposals"), { rowspan: 2 }),
      col(t("report.col.arguments"), { colspan: 2, numeric: true }),
      col(t("report.col.endorsements"), { colspan: 2, numeric: true }),
      col(t("report.col.voted"), { rowspan: 2, numeric: true }),
    ),
    h("tr", {}, col(t("report.col.written"), { numeric: true }), col(t("report.col.cited"), { numeric: true }), col(t("report.col.given"), { numeric: true }), col(t("report.col.received"), { numeric: true })),
  );
  const body = h(
    "tbody",
    {},
    ...rows.map((r) =>
      h(
        "tr",
        {},
        h("th", { attrs: { scope: "row" } }, r.nickname, r.isBot ? h("span", { class: "report-tag" }, ` (${t("report.bot")})`) : null, r.removed ? h("span", { class: "report-tag" }, ` (${t("report.removed")})`) : null),
        h("td", {}, r.roleName),
        h("td", {}, r.proposals.map((p, i) => `${i + 1}: ${p ?? "—"}`).join("; ")),
        h("td", { class: "num" }, num(r.arguments)),
        h("td", { class: "num" }, num(r.citations)),
        h("td", { class: "num" }, num(r.endorsementsGiven)),
        h("td", { class: "num" }, num(r.endorsementsReceived)),
        h("td", { class: "num" }, t("report.ofRounds", { count: r.voted, total: r.rounds })),
      ),
    ),
  );
  return section(
    "participation",
    t("report.participation.title"),
    rows.length === 0 ? h("p", { class: "muted" }, t("report.participation.none")) : h("table", { class: "report-table report-participation-table" }, h("caption", {}, t("report.participation.caption")), head, body),
  );
}
