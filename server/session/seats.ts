// Seat helpers: nickname uniqueness with a suggested variant, and balanced role assignment.
import { NICKNAME_MAX_LENGTH } from "../../shared/protocol/options.ts";

/** Case- and accent-insensitive key, so "Ana" and "ana" cannot both sit in one session. */
export function getNicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toLocaleLowerCase("en");
}

/** A free variant of a taken nickname: the name with the lowest free number appended. */
export function suggestNickname(nickname: string, isTaken: (candidate: string) => boolean): string {
  for (let n = 2; n < 10_000; n++) {
    const suffix = String(n);
    const candidate = nickname.slice(0, NICKNAME_MAX_LENGTH - suffix.length).trimEnd() + suffix;
    if (!isTaken(candidate)) return candidate;
  }
  return nickname;
}

/** The role with the fewest seated players (ties: the scenario's order), to keep roles balanced. */
export function pickBalancedRole(roleIds: readonly string[], seatedRoleIds: Iterable<string>): string {
  const counts = new Map<string, number>(roleIds.map((id) => [id, 0]));
  for (const id of seatedRoleIds) if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best = roleIds[0] ?? "";
  for (const id of roleIds) if ((counts.get(id) ?? 0) < (counts.get(best) ?? 0)) best = id;
  return best;
}
