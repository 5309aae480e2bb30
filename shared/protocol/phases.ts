// Phase names of a session, in play order. The server's phase table (server/phaseTable.ts) says
// who may act in each, what ends it and what comes next; clients only need the names.
export const PHASES = ["lobby", "briefing", "propose", "debate", "vote", "resolve", "results", "debrief", "ended"] as const;
export type Phase = (typeof PHASES)[number];

/** Phases whose length the host may set when creating a session (seconds; 0 = no timer, the host advances). */
export const TIMED_PHASES = ["briefing", "propose", "debate", "vote", "resolve", "results"] as const;
export type TimedPhase = (typeof TIMED_PHASES)[number];

/** Default phase lengths in seconds (0 = untimed: the host advances). */
export const DEFAULT_PHASE_SECONDS: Record<TimedPhase, number> = {
  briefing: 0,
  propose: 90,
  debate: 120,
  vote: 60,
  resolve: 4,
  results: 0,
};
