// The round's phases as data: which requests each phase accepts, what "everyone has acted"
// means in it, whether it may run a timer, and what comes next. Read by phaseEngine.ts.
import type { MessageType } from "../../shared/protocol/messages.ts";
import type { Phase, TimedPhase } from "../../shared/protocol/phases.ts";

/** What each seated student must have done for the phase to end early. */
export type ActedCheck = "proposed" | "endorsed" | "voted";

export interface PhaseSpec {
  /** Requests accepted in this phase (besides `welcome`, always accepted). */
  accepts: readonly MessageType[];
  /** Ends early once every connected seated student has done this; null = never early. */
  endsWhenAllActed: ActedCheck | null;
  /** The phase whose timer setting applies, or null for phases that never run a timer. */
  timer: TimedPhase | null;
  next: (progress: { round: number; totalRounds: number }) => Phase;
}

const TIMER_CONTROLS = ["advance", "pause", "resume", "extend", "skip"] as const satisfies readonly MessageType[];
const MODERATION = ["kick", "reassignRole", "spotlight", "hideArgument", "addBots", "removeBots", "endSession"] as const satisfies readonly MessageType[];

export const PHASE_TABLE: Record<Phase, PhaseSpec> = {
  lobby: { accepts: ["start", ...MODERATION], endsWhenAllActed: null, timer: null, next: () => "briefing" },
  briefing: { accepts: [...TIMER_CONTROLS, ...MODERATION], endsWhenAllActed: null, timer: "briefing", next: () => "propose" },
  propose: { accepts: ["propose", ...TIMER_CONTROLS, ...MODERATION], endsWhenAllActed: "proposed", timer: "propose", next: () => "debate" },
  debate: { accepts: ["endorse", ...TIMER_CONTROLS, ...MODERATION], endsWhenAllActed: "endorsed", timer: "debate", next: () => "vote" },
  vote: { accepts: ["vote", ...TIMER_CONTROLS, ...MODERATION], endsWhenAllActed: "voted", timer: "vote", next: () => "resolve" },
  resolve: { accepts: [...TIMER_CONTROLS, ...MODERATION], endsWhenAllActed: null, timer: "resolve", next: () => "results" },
  results: {
    accepts: [...TIMER_CONTROLS, ...MODERATION],
    endsWhenAllActed: null,
    timer: "results",
    next: ({ round, totalRounds }) => (round < totalRounds ? "briefing" : "debrief"),
  },
  debrief: { accepts: ["history", "advance", "kick", "spotlight", "hideArgument", "removeBots", "endSession"], endsWhenAllActed: null, timer: null, next: () => "ended" },
  ended: { accepts: ["history"], endsWhenAllActed: null, timer: null, next: () => "ended" },
};

export function isAccepted(phase: Phase, type: MessageType): boolean {
  return type === "welcome" || PHASE_TABLE[phase].accepts.includes(type);
}
