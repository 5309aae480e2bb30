// What a benchmark client does on each target: the room it creates or joins, the payload of each
// action, and which state change shows that an action took effect. The product follows the
// session protocol (shared/protocol/README.md); the baseline room mirrors it with bare requests.
//
// When an action took effect: on both targets, the first state patch that arrives after the
// action's reply and shows it. The server changes the state and replies in the same turn and
// encodes a patch only later, and one socket delivers frames in order, so the first patch after
// the reply is the first that can carry the change. What "shows it" means differs: the baseline's
// students see every seat, so their own flags; the product's students see no seat (the counts
// only), so a count at least one above what it was when the action was sent (in the benchmark
// counts only grow within a phase: nobody withdraws or proposes twice).
import type { Schema } from "@colyseus/schema";
import { SessionState } from "../../../shared/protocol/sessionSchema.ts";
import { OWN_SEAT_MESSAGE } from "../../../shared/protocol/stateTypes.ts";
import { BaselineState } from "./baselineRoom.ts";
import type { ActionKind, TargetName } from "./ipc.ts";

/** The part of both targets' synced state the clients read. */
export interface BenchState {
  phase: string;
  round: number;
  endorsementsPerStudent: number;
  votePoints: number;
  /** Baseline: every seat; product: none for a student (the host's view only). */
  players?: ReadonlyMapLike<{ proposed: boolean; voted: boolean; endorsementsUsed: number }>;
  /** Product only: how many proposed each policy this round, and how many voted. */
  proposalCounts?: ReadonlyMapLike<number>;
  votesCast?: number;
  /** Product only: this session's arguments. */
  arguments?: ReadonlyMapLike<{ round: number; authorId: string; endorsements: number }>;
}

interface ReadonlyMapLike<V> {
  get(key: string): V | undefined;
  forEach(cb: (value: V, key: string) => void): void;
}

/** One action of a student: which, by whom, on what (an endorsement's target id, else ""). */
export interface BenchAction {
  kind: ActionKind;
  me: string;
  targetId: string;
}

export interface ClientTarget {
  roomName: string;
  /**
   * The room's state class, which the load clients decode into. Without it the SDK builds a fresh
   * set of classes from each connection's reflection: a phone does that once, but a load process
   * holding a thousand clients would run a thousand copies of every class, which costs it (not the
   * server) memory and megamorphic decoding. Both targets are given theirs.
   */
  stateClass: new () => Schema;
  studentJoinOptions(student: number): Record<string, unknown>;
  /** Message types a student's client binds before its welcome, as the phone does (the SDK warns about unbound ones). */
  studentMessages: readonly string[];
  proposePayload(policyId: string, argument: string | null): unknown;
  /** Ids this student may endorse now, in a stable order. */
  endorsable(state: BenchState, me: string): string[];
  endorsePayload(id: string): unknown;
  votePayload(policyId: string, votePoints: number): unknown;
  /** The value `shows` compares with, read from the client's state when the action is sent. */
  markBefore(state: BenchState, action: BenchAction): number;
  /** Whether a state patch that arrived after the action's reply shows the action (see the top of this file). */
  shows(state: BenchState, action: BenchAction, before: number): boolean;
}

function sumOf(map: ReadonlyMapLike<number> | undefined): number {
  let sum = 0;
  map?.forEach((v) => (sum += v));
  return sum;
}

/** The product's count that an action raises by one. */
function productCount(state: BenchState, action: BenchAction): number {
  if (action.kind === "propose") return sumOf(state.proposalCounts);
  if (action.kind === "vote") return state.votesCast ?? 0;
  return state.arguments?.get(action.targetId)?.endorsements ?? 0;
}

const product: ClientTarget = {
  roomName: "session",
  stateClass: SessionState,
  studentJoinOptions: (student) => ({ as: "student", nickname: `s${student}`, deviceToken: `bench-device-${student}-${"x".repeat(8)}` }),
  studentMessages: [OWN_SEAT_MESSAGE],
  proposePayload: (policyId, argument) => (argument === null ? { policyId } : { policyId, argument }),
  endorsable: (state, me) => {
    const ids: string[] = [];
    state.arguments?.forEach((a, id) => {
      if (a.round === state.round && a.authorId !== me) ids.push(id);
    });
    return ids.sort();
  },
  endorsePayload: (argumentId) => ({ argumentId }),
  votePayload: (policyId, votePoints) => ({ points: { [policyId]: votePoints } }),
  markBefore: productCount,
  shows: (state, action, before) => productCount(state, action) > before,
};

const baseline: ClientTarget = {
  roomName: "baseline",
  stateClass: BaselineState,
  studentJoinOptions: (student) => ({ as: "student", nickname: `s${student}` }),
  studentMessages: [],
  proposePayload: (policyId, argument) => ({ policyId, argument }),
  endorsable: (state, me) => {
    const ids: string[] = [];
    state.players?.forEach((_, id) => {
      if (id !== me) ids.push(id);
    });
    return ids.sort();
  },
  endorsePayload: (playerId) => ({ playerId }),
  votePayload: (policyId, votePoints) => ({ points: { [policyId]: votePoints } }),
  markBefore: (state, action) => (action.kind === "endorse" ? (state.players?.get(action.me)?.endorsementsUsed ?? 0) : 0),
  shows: (state, action, before) => {
    const me = state.players?.get(action.me);
    if (action.kind === "propose") return me?.proposed === true;
    if (action.kind === "vote") return me?.voted === true;
    return (me?.endorsementsUsed ?? 0) > before;
  },
};

export const CLIENT_TARGETS: Record<TargetName, ClientTarget> = { product, baseline };

/**
 * The student's argument: a realistic 100–140 characters (the product allows 280), unique per
 * student so every argument is its own string on the wire.
 */
export function benchArgument(student: number, round: number): string {
  return `Student ${student}, round ${round}: capturing leaders splits the groups; institutions must come first or violence spreads to the neighbours.`;
}

/**
 * How long a student waits before their `action`-th action of a phase (0 = the first, counted from
 * the phase opening; then from the previous action's patch), in [0, spreadMs). Deterministic and
 * low-discrepancy (the R2 sequence), so a class's actions are spread evenly over the window and
 * land at every offset from the server's patch tick, as people's taps do: a client acting right
 * when a patch arrives would always wait a whole patch interval, which is not what people see.
 */
export function actionDelayMs(student: number, action: number, spreadMs: number): number {
  const g1 = 0.7548776662466927;
  const g2 = 0.5698402909980532;
  const fraction = (0.5 + student * g1 + action * g2) % 1;
  return fraction * spreadMs;
}
