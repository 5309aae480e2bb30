// The report's sections as DOM: summary, the path charts, each round, role scores, most-endorsed arguments, participation per student.
import type { Report, ReportArgument } from "../../../shared/report/reportSchema.ts";
import { formatNumber, getLanguage, t, tn } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";
import { renderReportChart } from "./reportChart.ts";
import type { RoundView } from "./reportModel.ts";
import { getParticipation, getReportCharts, getReportCounts, getRoundViews, getTopArguments } from "./reportModel.ts";

const num = (n: number) => formatNumber(n, { maximumFractionDigits: 1 });
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

function renderRound(round: RoundView): HTMLElement {
  const titleId = `report-round-${round.round}`;
  const decision = round.decision ? t("report.round.decision", { policy: round.decision.name, share: percent(round.decision.share) }) : t("report.round.unresolved");
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
    round.captures.length > 0
      ? h(
          "p",
          { class: "report-captures" },
          h("strong", {}, t("report.round.captures")),
          " ",
          round.captures
            .map((c) => `${c.leaderName ?? t("report.round.lesserTarget")} (${c.regionName}, ${c.year}): ${c.dismantled ? t("report.round.dismantled") : tn("report.round.splinters", c.splinters)}`)
            .join("; "),
        )
      : null,
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
  const of = (n: number, total: number) => t("report.ofRounds", { count: n, total });
  return section(
    "participation",
    t("report.participation.title"),
    rows.length === 0
      ? h("p", { class: "muted" }, t("report.participation.none"))
      : table(
          t("report.participation.caption"),
          [t("report.col.student"), t("report.col.role"), t("report.col.proposals"), t("report.col.proposed"), t("report.col.arguments"), t("report.col.given"), t("report.col.received"), t("report.col.voted")],
          rows.map((r) => [
            h("span", {}, r.nickname, r.isBot ? h("span", { class: "tag" }, ` (${t("report.bot")})`) : null, r.removed ? h("span", { class: "tag" }, ` (${t("report.removed")})`) : null),
            r.roleName,
            r.proposals.map((p, i) => `${i + 1}: ${p ?? "—"}`).join("; "),
            of(r.proposed, r.rounds),
            t("report.argumentsCited", { count: r.arguments, cited: r.citations }),
            num(r.endorsementsGiven),
            num(r.endorsementsReceived),
            of(r.voted, r.rounds),
          ]),
          { numericFrom: 3, className: "report-participation" },
        ),
  );
}
