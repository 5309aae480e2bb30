// The host's class roster: each seat's name, role, connection and what they have done this round (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { PlayerView } from "../../shared/protocol/index.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";

/** Whether a seat has done this round's step: null when the step does not apply yet (or any more). */
export type StepState = "done" | "todo" | null;

export interface RosterRow {
  id: string;
  nickname: string;
  isBot: boolean;
  /** Bot strategy id, "" for people. */
  strategy: string;
  roleId: string;
  roleName: string;
  roleColor: string;
  connected: boolean;
  proposed: StepState;
  /** Endorsements given out of the allowance; null outside the debate and after it. */
  endorsed: { used: number; total: number; state: StepState } | null;
  voted: StepState;
}

/** Steps that exist from this phase of the round on: a proposal is made in propose, endorsements in debate, votes in vote. */
const STEP_PHASES = {
  proposed: ["propose", "debate", "vote"],
  endorsed: ["debate", "vote"],
  voted: ["vote"],
} as const;

const has = (list: readonly string[], phase: string) => list.includes(phase);

/** Arguments this seat could still endorse this round (others' visible arguments), when authors are known. */
function endorsableCount(snapshot: Pick<SessionSnapshot, "arguments" | "round">, playerId: string): number {
  return snapshot.arguments.filter((a) => a.round === snapshot.round && a.authorId !== playerId).length;
}

function step(applies: boolean, done: boolean): StepState {
  return applies ? (done ? "done" : "todo") : null;
}

export function getRosterRows(scenario: Scenario, snapshot: Pick<SessionSnapshot, "players" | "phase" | "arguments" | "round" | "endorsementsPerStudent">, lang: Language): RosterRow[] {
  const phase = snapshot.phase;
  return [...snapshot.players]
    .sort((a, b) => Number(a.isBot) - Number(b.isBot) || a.nickname.localeCompare(b.nickname, lang))
    .map((p) => {
      const role = scenario.roles.find((r) => r.id === p.roleId);
      const total = snapshot.endorsementsPerStudent;
      const canEndorseMore = p.endorsementsUsed < total && endorsableCount(snapshot, p.id) > p.endorsementsUsed;
      return {
        id: p.id,
        nickname: p.nickname,
        isBot: p.isBot,
        strategy: p.strategy,
        roleId: p.roleId,
        roleName: role ? role.name[lang] : p.roleId,
        roleColor: role?.color ?? "#666666",
        connected: p.connected,
        proposed: step(has(STEP_PHASES.proposed, phase), p.proposed),
        endorsed: has(STEP_PHASES.endorsed, phase) ? { used: p.endorsementsUsed, total, state: phase === "debate" ? (canEndorseMore ? "todo" : "done") : null } : null,
        voted: step(has(STEP_PHASES.voted, phase), p.voted),
      };
    });
}

/** Who the class is waiting for in this phase: connected seats that have not acted, by name (bots last). */
export function getWaitingFor(rows: readonly RosterRow[], phase: string): string[] {
  const pending = (r: RosterRow) =>
    phase === "propose" ? r.proposed === "todo" : phase === "debate" ? r.endorsed?.state === "todo" : phase === "vote" ? r.voted === "todo" : false;
  return rows.filter((r) => r.connected && pending(r)).map((r) => r.nickname);
}

/** Students and bots seated. */
export function getSeatCounts(players: readonly PlayerView[]): { students: number; bots: number; away: number } {
  const bots = players.filter((p) => p.isBot).length;
  return { students: players.length - bots, bots, away: players.filter((p) => !p.isBot && !p.connected).length };
}
