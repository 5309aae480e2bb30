// What a benchmark client does on each target: the room it creates or joins, the payload of each
// action, and which state change shows that an action took effect. The product follows the
// session protocol (shared/protocol/README.md); the baseline room mirrors it with bare requests.
import type { TargetName } from "./ipc.ts";

/** The part of both targets' synced state the clients read. */
export interface BenchState {
  phase: string;
  round: number;
  endorsementsPerStudent: number;
  votePoints: number;
  players: ReadonlyMapLike<{ proposed: boolean; voted: boolean; endorsementsUsed: number }>;
  /** Product only: this session's arguments. */
  arguments?: ReadonlyMapLike<{ round: number; authorId: string }>;
}

interface ReadonlyMapLike<V> {
  get(key: string): V | undefined;
  forEach(cb: (value: V, key: string) => void): void;
}

export interface ClientTarget {
  roomName: string;
  studentJoinOptions(student: number): Record<string, unknown>;
  proposePayload(policyId: string, argument: string | null): unknown;
  /** Ids this student may endorse now, in a stable order. */
  endorsable(state: BenchState, me: string): string[];
  endorsePayload(id: string): unknown;
  votePayload(policyId: string, votePoints: number): unknown;
}

const product: ClientTarget = {
  roomName: "session",
  studentJoinOptions: (student) => ({ as: "student", nickname: `s${student}`, deviceToken: `bench-device-${student}-${"x".repeat(8)}` }),
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
};

const baseline: ClientTarget = {
  roomName: "baseline",
  studentJoinOptions: (student) => ({ as: "student", nickname: `s${student}` }),
  proposePayload: (policyId, argument) => ({ policyId, argument }),
  endorsable: (state, me) => {
    const ids: string[] = [];
    state.players.forEach((_, id) => {
      if (id !== me) ids.push(id);
    });
    return ids.sort();
  },
  endorsePayload: (playerId) => ({ playerId }),
  votePayload: (policyId, votePoints) => ({ points: { [policyId]: votePoints } }),
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
