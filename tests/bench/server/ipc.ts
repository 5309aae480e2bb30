// Messages between the server benchmark (parent), its load workers and the baseline server, over
// Node's child-process IPC channel. Both ends are this benchmark's own code, so plain types.

export type TargetName = "product" | "baseline";

/** Student actions whose action→patch latency is measured. */
export const ACTION_KINDS = ["propose", "endorse", "vote"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Everything a worker needs before it creates or joins a room. */
export interface WorkerInit {
  type: "init";
  target: TargetName;
  /** http://127.0.0.1:<port> of the server under test. */
  endpoint: string;
  /** Options of the host's create(): the same timers and rounds for both targets. */
  createOptions: Record<string, unknown>;
  /** Policy ids students pick from (the scenario's). */
  policies: string[];
  /** Students write an argument with their proposal (and then endorse each other's). */
  withArguments: boolean;
  /** Students act within this many ms of a phase opening, spread evenly (people do not all tap at once). */
  spreadMs: number;
  /** Phase that ends a session for the clients. */
  finalPhase: string;
  /**
   * This worker is the probe (placement.ts): its students all decode their own patches and their
   * latencies are sampled. In a load worker one student per room decodes, the others share its state
   * (loadWorker.ts), and nothing is timed.
   */
  timesActions: boolean;
}

/** Create the hosts' rooms of these sessions. */
export interface WorkerCreate {
  type: "create";
  sessions: number[];
}

/** Join these students (global student indexes) to their sessions' rooms. */
export interface WorkerJoin {
  type: "join";
  joins: { session: number; code: string; students: number[] }[];
}

/** Hosts start their sessions; everyone plays until the final phase or the deadline. */
export interface WorkerPlay {
  type: "play";
  timeoutMs: number;
}

export interface WorkerLeave {
  type: "leave";
}

export type ToWorker = WorkerInit | WorkerCreate | WorkerJoin | WorkerPlay | WorkerLeave;

export interface WorkerCreated {
  type: "created";
  /** `port`: the port of the process whose socket the host's room connected to (Redis mode spreads sessions over two). */
  codes: { session: number; code: string; port: number }[];
  errors: string[];
}

export interface WorkerJoined {
  type: "joined";
  joined: number;
  errors: string[];
}

/** What one worker measured during play. */
export interface WorkerResult {
  type: "played";
  /** Latency samples in ms, by action. */
  latencies: Record<ActionKind, number[]>;
  /** Students' received WebSocket bytes, summed, by phase (see byteMeter.ts). */
  studentBytesByPhase: Record<string, number>;
  hostBytesByPhase: Record<string, number>;
  /** Data frames the students received (state patches, replies, messages), summed. */
  studentFrames: number;
  students: number;
  /** Students whose actions were timed (they decoded their own patches). */
  studentsTimed: number;
  hosts: number;
  /** Students still connected when play ended. */
  held: number;
  /** Rooms (hosts and students) that reached the final phase. */
  finished: number;
  /** Error description → count. */
  errors: Record<string, number>;
  /** Sockets that negotiated a WebSocket extension (their byte counts are decompressed sizes). */
  compressedSockets: number;
  /** The worker's own event-loop delay p99 during play: high values mean the clients, not the server, added latency. */
  loopDelayP99Ms: number;
  /** CPU time (user + system) the worker process used during play, in ms: with the frames, what each frame cost the clients. */
  cpuMs: number;
  /** Data frames every room of the worker received during play (students' and hosts'). */
  playFrames: number;
}

export interface WorkerLeft {
  type: "left";
}

export interface WorkerFatal {
  type: "fatal";
  message: string;
}

export type FromWorker = WorkerCreated | WorkerJoined | WorkerResult | WorkerLeft | WorkerFatal;

/** The baseline server's answer to `{ type: "probe", reset?: boolean }`, shaped like the product's /api/health. */
export interface ServerProbe {
  type: "probe";
  rssBytes: number;
  heapUsedBytes: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}
