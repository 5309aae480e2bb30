// A load worker of the server benchmark (forked by tests/bench/serverBench.ts, never run by hand):
// holds its share of hosts and students as real @colyseus/sdk clients, plays the sessions when told,
// and reports latencies, received bytes and errors to the parent over IPC.
//
// Two kinds of worker (placement.ts): the probe, whose students all decode their own patches and
// whose actions are timed, and the load workers, whose actions are not.
//
// Shared decoding: a room's students receive the same patch bytes (the product gives students no
// StateView; the baseline has none), so in a load worker only the first student of a room decodes
// every patch, and the others read its state instead of decoding the same bytes again. Those others
// still hold their own socket, receive and count every frame, and make every action. Why: one core of clients decoding 10,000 copies of every patch
// saturates long before the server does, and the benchmark then measures its own backlog (at
// 250 × 40 the clients' event loop lagged 1.9 s on the bare baseline room). A phone decodes only
// its own copy, so this is the server's load.
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Room } from "@colyseus/sdk";
import { BorrowedState } from "./borrowedState.ts";
import { CountingWebSocket, type ByteMeter } from "./byteMeter.ts";
import { type ActionKind, type FromWorker, type ToWorker, type WorkerInit, type WorkerResult } from "./ipc.ts";
import { CLIENT_TARGETS, actionDelayMs, benchArgument, type BenchAction, type BenchState, type ClientTarget } from "./targets.ts";

// Before the SDK loads: it reads globalThis.WebSocket once, at import (see byteMeter.ts).
(globalThis as { WebSocket: unknown }).WebSocket = CountingWebSocket;
const { Client } = await import("@colyseus/sdk");

type BenchRoom = Room<unknown, BenchState>;

/** How many joins a worker keeps in flight at once (a classroom's phones do not all join in one millisecond either). */
const JOIN_CONCURRENCY = 20;

interface Pending {
  action: BenchAction;
  t0: number;
  /** The socket's reply count when the action was sent: its reply has come once the count is above it. */
  repliesAtSend: number;
  /** The target's mark of the state when the action was sent (ClientTarget.markBefore). */
  before: number;
  then: () => void;
}

let init: WorkerInit | null = null;
let target: ClientTarget | null = null;
let sdk: InstanceType<typeof Client> | null = null;
const hosts = new Map<number, BenchRoom>();
const students: StudentClient[] = [];
const latencies: Record<ActionKind, number[]> = { propose: [], endorse: [], vote: [] };
const errors = new Map<string, number>();
let playing = false;
let onProgress: () => void = () => undefined;
const finishedHosts = new Set<number>();
const goneHosts = new Set<number>();

function send(message: FromWorker): void {
  process.send?.(message);
}

function noteError(what: string): void {
  errors.set(what, (errors.get(what) ?? 0) + 1);
}

function describe(error: unknown): string {
  const e = error as { name?: string; reason?: { code?: string }; code?: unknown; message?: string };
  return String(e.reason?.code ?? (e.code !== undefined ? `${e.name ?? "error"} ${String(e.code)}` : undefined) ?? e.message?.slice(0, 80) ?? e.name ?? "error");
}

function meterOf(room: BenchRoom): ByteMeter {
  const ws = (room.connection.transport as unknown as { ws: unknown }).ws;
  if (!(ws instanceof CountingWebSocket)) throw new Error("the SDK did not use the counting WebSocket");
  return ws.meter;
}

function isCompressed(room: BenchRoom): boolean {
  const ws = (room.connection.transport as unknown as { ws: unknown }).ws;
  return ws instanceof CountingWebSocket && ws.isCompressed;
}

/**
 * One student: acts when its state enters an acting phase, and follows each action until its state
 * change arrives (timing it in the probe), unless it reads a decoding student's state (see the top
 * of this file): then it acts on that state and follows only the reply.
 */
class StudentClient {
  readonly room: BenchRoom;
  readonly index: number;
  readonly me: string;
  private readonly meter: ByteMeter;
  connected = true;
  finished = false;
  /** Whether this student decodes its own patches (and follows its actions until a patch shows them). */
  decodes = true;
  /** Students reading this one's state: told whenever it changes, as their own frames may have come first. */
  private readonly readers: StudentClient[] = [];
  private phaseKey = "";
  private pending: Pending | null = null;
  /** Requests of a reading student awaiting their reply. */
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(room: BenchRoom, index: number, me: string) {
    this.room = room;
    this.meter = meterOf(room);
    this.index = index;
    this.me = me;
    room.onStateChange((state) => {
      this.onState(state);
      for (const reader of this.readers) if (reader.connected) reader.onState(state);
    });
    room.onLeave((code) => {
      this.connected = false;
      if (playing && !this.finished && this.readers.some((r) => r.connected)) noteError("decoding student left: its room's other students in this process no longer see the state");
      if (this.timer) clearTimeout(this.timer);
      if (this.pending && playing) noteError(`${this.pending.action.kind}: connection closed before its patch arrived`);
      this.pending = null;
      if (playing && !this.finished) noteError(`student left (close ${code})`);
      onProgress();
    });
  }

  /** From now on this student reads `decoder`'s state instead of decoding its own patches. */
  readFrom(decoder: StudentClient): void {
    this.decodes = false;
    decoder.readers.push(this);
    (this.room as unknown as { serializer: BorrowedState }).serializer = new BorrowedState(() => decoder.room.state);
  }

  private onState(state: BenchState): void {
    // The pending action first: the patch that shows it may also change the phase.
    const pending = this.pending;
    if (pending && this.meter.replies > pending.repliesAtSend && target!.shows(state, pending.action, pending.before)) {
      this.pending = null;
      // Until the frame carrying the patch arrived: the SDK's decoding is the client's work, not the server's.
      if (init!.timesActions) latencies[pending.action.kind].push(this.meter.frameArrivedAt - pending.t0);
      pending.then();
    }
    const key = `${state.round}:${state.phase}`;
    if (key === this.phaseKey) return;
    this.phaseKey = key;
    if (this.pending) {
      noteError(`${this.pending.action.kind}: phase ended before its patch arrived`);
      this.pending = null;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!playing) return;
    if (state.phase === init!.finalPhase) {
      this.finished = true;
      onProgress();
      return;
    }
    if (state.phase === "propose" || state.phase === "debate" || state.phase === "vote") {
      const phase = state.phase;
      this.timer = setTimeout(() => this.act(phase, state.round), actionDelayMs(this.index, 0, init!.spreadMs));
    }
  }

  private act(phase: string, round: number): void {
    this.timer = null;
    const state = this.room.state;
    if (state.phase !== phase || state.round !== round) return;
    const t = target!;
    const policies = init!.policies;
    const policyId = policies[(this.index + round) % policies.length]!;
    if (phase === "propose") {
      const argument = init!.withArguments ? benchArgument(this.index, round) : null;
      this.request("propose", "", t.proposePayload(policyId, argument));
    } else if (phase === "vote") {
      this.request("vote", "", t.votePayload(policyId, state.votePoints));
    } else {
      const ids = t.endorsable(state, this.me);
      const count = Math.min(state.endorsementsPerStudent, ids.length);
      const picks = Array.from({ length: count }, (_, k) => ids[(this.index + k) % ids.length]!);
      // Endorse one after another: each a moment after the previous one shows, starting at a place of its own.
      const next = (k: number): void => {
        if (k >= picks.length || this.room.state.phase !== "debate" || this.room.state.round !== round) return;
        this.request("endorse", picks[k]!, t.endorsePayload(picks[k]!), () => {
          this.timer = setTimeout(() => next(k + 1), actionDelayMs(this.index, k + 1, init!.spreadMs / 2));
        });
      };
      next(0);
    }
  }

  /** Sends an action; its latency is the time until a state patch shows its effect (not the reply; see targets.ts). */
  private request(kind: ActionKind, targetId: string, payload: unknown, then: () => void = () => undefined): void {
    if (!this.decodes) {
      this.inFlight++;
      const settle = (): void => {
        this.inFlight--;
        then();
        onProgress();
      };
      this.room.request(kind, payload).then(settle, (error: unknown) => {
        noteError(`${kind} refused: ${describe(error)}`);
        settle();
      });
      return;
    }
    const action: BenchAction = { kind, me: this.me, targetId };
    const pending: Pending = { action, t0: performance.now(), repliesAtSend: this.meter.replies, before: target!.markBefore(this.room.state, action), then };
    this.pending = pending;
    this.room.request(kind, payload).catch((error: unknown) => {
      noteError(`${kind} refused: ${describe(error)}`);
      if (this.pending === pending) {
        this.pending = null;
        then();
      }
    });
  }

  get hasPending(): boolean {
    return this.pending !== null || this.inFlight > 0;
  }
}

async function createHosts(sessions: number[]): Promise<void> {
  const codes: { session: number; code: string; port: number }[] = [];
  const failures: string[] = [];
  for (const session of sessions) {
    try {
      const room = (await sdk!.create(target!.roomName, init!.createOptions, target!.stateClass)) as unknown as BenchRoom;
      room.reconnection.enabled = false;
      meterOf(room).phaseOf = () => room.state?.phase ?? "join";
      room.onStateChange((state) => {
        if (state.phase === init!.finalPhase && playing) {
          finishedHosts.add(session);
          onProgress();
        }
      });
      room.onLeave((code) => {
        goneHosts.add(session);
        if (playing && !finishedHosts.has(session)) noteError(`host left (close ${code})`);
        onProgress();
      });
      hosts.set(session, room);
      codes.push({ session, code: room.roomId, port: Number(new URL((room.connection.transport as unknown as { ws: WebSocket }).ws.url).port) });
    } catch (error) {
      failures.push(`create: ${describe(error)}`);
    }
  }
  send({ type: "created", codes, errors: failures });
}

async function joinStudents(joins: { session: number; code: string; students: number[] }[]): Promise<void> {
  const queue = joins.flatMap((j) => j.students.map((student) => ({ code: j.code, student })));
  const failures: string[] = [];
  let joined = 0;
  const runner = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      try {
        const room = (await sdk!.joinById(item.code, target!.studentJoinOptions(item.student), target!.stateClass)) as unknown as BenchRoom;
        room.reconnection.enabled = false;
        meterOf(room).phaseOf = () => room.state?.phase ?? "join";
        for (const type of target!.studentMessages) room.onMessage(type, () => undefined);
        const welcome = (await room.request("welcome", {})) as { playerId?: string | null };
        if (!welcome.playerId) throw new Error("welcome named no player id");
        students.push(new StudentClient(room, item.student, welcome.playerId));
        joined++;
      } catch (error) {
        failures.push(`join: ${describe(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, runner));
  send({ type: "joined", joined, errors: failures });
}

function addBytes(into: Record<string, number>, meter: ByteMeter): void {
  for (const [phase, bytes] of meter.bytesByPhase) into[phase] = (into[phase] ?? 0) + bytes;
}

/** Keeps the first connected student of each room decoding; the others read its state. */
function shareDecoding(): void {
  const decoderOf = new Map<string, StudentClient>();
  for (const student of students) {
    if (!student.connected) continue;
    const decoder = decoderOf.get(student.room.roomId);
    if (decoder) student.readFrom(decoder);
    else decoderOf.set(student.room.roomId, student);
  }
}

async function play(timeoutMs: number): Promise<void> {
  // In the probe every student decodes its own patches, as a phone does.
  if (!init!.timesActions) shareDecoding();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const allRooms = (): BenchRoom[] => [...hosts.values(), ...students.map((s) => s.room)];
  const framesBefore = allRooms().reduce((n, r) => n + meterOf(r).frames, 0);
  const cpuBefore = process.cpuUsage();
  playing = true;
  const allDone = (): boolean =>
    [...hosts.keys()].every((h) => finishedHosts.has(h) || goneHosts.has(h)) && students.every((s) => s.finished || !s.connected) && students.every((s) => !s.hasPending);
  const finished = new Promise<boolean>((resolve) => {
    const deadline = setTimeout(() => resolve(false), timeoutMs);
    onProgress = () => {
      if (allDone()) {
        clearTimeout(deadline);
        resolve(true);
      }
    };
  });
  for (const [session, host] of hosts) {
    host.request("start", {}).catch((error: unknown) => noteError(`start (session ${session}): ${describe(error)}`));
  }
  // A worker holding only students may be done already (e.g. zero students): check once.
  onProgress();
  const inTime = await finished;
  playing = false;
  loop.disable();
  const cpu = process.cpuUsage(cpuBefore);
  if (!inTime) noteError("not finished before the deadline");
  const result: WorkerResult = {
    type: "played",
    latencies,
    studentBytesByPhase: {},
    hostBytesByPhase: {},
    studentFrames: students.reduce((n, s) => n + meterOf(s.room).frames, 0),
    students: students.length,
    studentsTimed: init!.timesActions ? students.length : 0,
    hosts: hosts.size,
    held: students.filter((s) => s.connected).length,
    finished: finishedHosts.size + students.filter((s) => s.finished).length,
    errors: Object.fromEntries(errors),
    compressedSockets: [...hosts.values(), ...students.map((s) => s.room)].filter(isCompressed).length,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    cpuMs: (cpu.user + cpu.system) / 1000,
    playFrames: allRooms().reduce((n, r) => n + meterOf(r).frames, 0) - framesBefore,
  };
  for (const s of students) addBytes(result.studentBytesByPhase, meterOf(s.room));
  for (const h of hosts.values()) addBytes(result.hostBytesByPhase, meterOf(h));
  send(result);
}

async function leaveAll(): Promise<void> {
  const rooms = [...hosts.values(), ...students.filter((s) => s.connected).map((s) => s.room)];
  // A consented leave; the server is stopped right after, so do not wait long for stragglers.
  await Promise.race([Promise.all(rooms.map((r) => r.leave().catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
  send({ type: "left" });
}

process.on("message", (message: ToWorker) => {
  const run = async (): Promise<void> => {
    switch (message.type) {
      case "init":
        init = message;
        target = CLIENT_TARGETS[message.target];
        sdk = new Client(message.endpoint);
        return;
      case "create":
        return createHosts(message.sessions);
      case "join":
        return joinStudents(message.joins);
      case "play":
        return play(message.timeoutMs);
      case "leave":
        return leaveAll();
    }
  };
  run().catch((error: unknown) => send({ type: "fatal", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
// The parent is the only reason to live: without it, stop.
process.on("disconnect", () => process.exit(0));
