// Maps the page URL to a view: landing, host (create or a session code), student join, editor, report, sessions list, watch, or not found.
import { parseJoinCode } from "../shared/protocol/joinInput.ts";

export type Route =
  | { view: "landing"; code: string }
  | { view: "host"; code: string | null }
  | { view: "student"; code: string }
  | { view: "editor" }
  | { view: "report"; code: string }
  | { view: "sessions" }
  | { view: "watch"; code: string }
  | { view: "notFound" };

function normaliseCode(raw: string | null | undefined): string {
  return parseJoinCode(raw ?? "") ?? (raw ?? "").trim().toUpperCase().slice(0, 5);
}

export function getRoute(url: URL): Route {
  const parts = url.pathname.split("/").filter(Boolean);
  const queryCode = url.searchParams.get("code");
  const [first, second] = parts;
  if (first === undefined) return queryCode ? { view: "student", code: normaliseCode(queryCode) } : { view: "landing", code: "" };
  if (first === "editor") return { view: "editor" };
  // "sessions" cannot be a join code (the code alphabet has no I or O).
  if (first === "host" && second === "sessions") return { view: "sessions" };
  if (first === "report" && second) return { view: "report", code: normaliseCode(second) };
  if (first === "watch" && second) return { view: "watch", code: normaliseCode(second) };
  if (first === "host") return { view: "host", code: second ? normaliseCode(second) : null };
  if (first === "join" || first === "play") return { view: "student", code: normaliseCode(second ?? queryCode) };
  return { view: "notFound" };
}
