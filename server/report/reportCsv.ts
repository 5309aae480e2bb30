// The report as CSV (csv-stringify): the students sheet (one row per student per round) and the
// rounds sheet. Text a spreadsheet could run as a formula (= + - @, tab, carriage return first)
// is prefixed with an apostrophe, so an argument like "=HYPERLINK(…)" stays text.
import { stringify } from "csv-stringify/sync";
import type { VoteValue } from "../../shared/protocol/messages.ts";
import type { Report } from "../../shared/report/reportSchema.ts";

export const CSV_SHEETS = ["students", "rounds"] as const;
export type CsvSheet = (typeof CSV_SHEETS)[number];

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function nameOf(list: { id: string; name: string }[], id: string): string {
  return list.find((n) => n.id === id)?.name ?? id;
}

function formatVote(report: Report, vote: VoteValue | null): string {
  if (!vote) return "";
  const policies = report.names.policies;
  if ("choice" in vote) return nameOf(policies, vote.choice);
  return Object.entries(vote.points)
    .filter(([, points]) => points > 0)
    .map(([id, points]) => `${nameOf(policies, id)}: ${points}`)
    .join("; ");
}

function formatShares(report: Report, values: Record<string, number>, asPercent: boolean): string {
  return Object.entries(values)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id, v]) => `${nameOf(report.names.policies, id)}: ${asPercent ? `${Math.round(v * 100)}%` : v}`)
    .join("; ");
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function getStudentRows(report: Report): (string | number)[][] {
  const header = [
    "round",
    "nickname",
    "bot",
    "role",
    "proposed policy",
    "argument",
    "figure cited",
    "endorsements given",
    "endorsements received",
    "vote",
  ];
  const argumentsById = new Map(report.arguments.map((a) => [a.id, a]));
  const rows: (string | number)[][] = [header];
  const byRound = report.students.flatMap((student) => student.rounds.map((r) => ({ student, r }))).sort((a, b) => a.r.round - b.r.round);
  for (const { student, r } of byRound) {
    const argument = r.argumentId ? argumentsById.get(r.argumentId) : undefined;
    rows.push([
      r.round,
      student.nickname,
      student.isBot ? "yes" : "no",
      student.roleName,
      r.proposedPolicyId ? nameOf(report.names.policies, r.proposedPolicyId) : "",
      argument?.text ?? "",
      argument?.figure ? `${argument.figure.id}: ${argument.figure.claim}` : (r.figureId ?? ""),
      r.endorsementsGiven,
      r.endorsementsReceived,
      formatVote(report, r.vote),
    ]);
  }
  return rows;
}

export function getRoundRows(report: Report): (string | number)[][] {
  const indicators = report.names.indicators;
  const header = ["round", "title", "years", "events", "votes", "tally", "mix", ...indicators.map((i) => `${i.name} (end)`), "why"];
  const rows: (string | number)[][] = [header];
  for (const r of report.rounds) {
    rows.push([
      r.round,
      r.title,
      `${r.years.from}–${r.years.to}`,
      r.events.map((e) => e.name).join("; "),
      r.votes,
      formatShares(report, r.tally, false),
      formatShares(report, r.mix, true),
      ...indicators.map((i) => (r.resolved && r.indicatorsEnd[i.id] !== undefined ? round2(r.indicatorsEnd[i.id] ?? 0) : "")),
      r.why.map((w) => `${w.indicatorLabel}${w.regionName ? ` (${w.regionName})` : ""}: ${w.text}${w.figureIds.length ? ` [${w.figureIds.join(", ")}]` : ""}`).join(" | "),
    ]);
  }
  return rows;
}

/** One sheet as CSV text, with a byte-order mark so spreadsheets read accents as UTF-8. */
export function toCsv(report: Report, sheet: CsvSheet): string {
  const rows = sheet === "rounds" ? getRoundRows(report) : getStudentRows(report);
  return stringify(rows, { bom: true, cast: { string: guardCell } });
}
