// The session record's HTTP API seen from the browser: the report as JSON (checked against its schema) or CSV, with the host key; failures as values.
import type { Report } from "../../../shared/report/reportSchema.ts";
import { ReportSchema } from "../../../shared/report/reportSchema.ts";

/** Why a request to the record failed: no or wrong key (401/403), no record (404), the server could not read it (5xx), an answer we cannot read, or no answer. */
export type RecordFailure = "unauthorized" | "not-found" | "unavailable" | "invalid" | "network";

export type RecordResult<T> = { ok: true; value: T } | { ok: false; failure: RecordFailure };

function sessionUrl(code: string, tail: string): string {
  return `/api/sessions/${encodeURIComponent(code)}${tail}`;
}

export function failureOf(status: number): RecordFailure {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not-found";
  return status >= 500 ? "unavailable" : "invalid";
}

async function send(url: string, init: RequestInit): Promise<Response | null> {
  try {
    return await fetch(url, { ...init, cache: "no-store" });
  } catch {
    return null;
  }
}

export async function fetchReport(code: string, hostKey: string): Promise<RecordResult<Report>> {
  const res = await send(sessionUrl(code, "/report.json"), { headers: { Authorization: `Bearer ${hostKey}`, Accept: "application/json" } });
  if (!res) return { ok: false, failure: "network" };
  if (!res.ok) return { ok: false, failure: failureOf(res.status) };
  const parsed = ReportSchema.safeParse(await res.json().catch(() => null));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: "invalid" };
}

/** The CSV sheets the server writes: one row per student per round, or one row per round. */
export const CSV_SHEETS = ["students", "rounds"] as const;
export type CsvSheet = (typeof CSV_SHEETS)[number];

/** One sheet of the CSV export as the server writes it, with the file name the server suggests, if any. */
export async function fetchReportCsv(code: string, hostKey: string, sheet: CsvSheet): Promise<RecordResult<{ blob: Blob; fileName: string | null }>> {
  const res = await send(sessionUrl(code, `/report.csv?sheet=${sheet}`), { headers: { Authorization: `Bearer ${hostKey}`, Accept: "text/csv" } });
  if (!res) return { ok: false, failure: "network" };
  if (!res.ok) return { ok: false, failure: failureOf(res.status) };
  const fileName = /filename="?([^";]+)"?/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? null;
  return { ok: true, value: { blob: await res.blob(), fileName } };
}
