// Seat helpers: a suggested variant of a taken nickname, and balanced role assignment.
// (Nickname comparison itself lives in shared/protocol/nicknames.ts.)
import { NICKNAME_MAX_LENGTH } from "../../shared/protocol/options.ts";

/** A free variant of a taken nickname: the name with the lowest free number appended. */
export function suggestNickname(nickname: string, isTaken: (candidate: string) => boolean): string {
  for (let n = 2; n < 10_000; n++) {
    const suffix = String(n);
    const candidate = nickname.slice(0, NICKNAME_MAX_LENGTH - suffix.length).trimEnd() + suffix;
    if (!isTaken(candidate)) return candidate;
  }
  return nickname;
}

/**
 * The role with the fewest seated players (ties: the scenario's order), to keep roles balanced,
 * from counts the caller keeps up to date: it costs the number of roles, not of players.
 */
export function pickRoleFromCounts(roleIds: readonly string[], counts: ReadonlyMap<string, number>): string {
  let best = roleIds[0] ?? "";
  for (const id of roleIds) if ((counts.get(id) ?? 0) < (counts.get(best) ?? 0)) best = id;
  return best;
}
