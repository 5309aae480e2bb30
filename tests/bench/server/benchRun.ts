// One measured run of one target (the product or the baseline): start its server, create the
// sessions, join every student, play ROUNDS rounds, and turn what the workers and the server
// report into per-student figures.
import { ACTION_KINDS, type ActionKind, type TargetName, type WorkerResult } from "./ipc.ts";
import { getFreePort } from "../../support/freePort.ts";
import { redisModeEnv } from "../../support/redisServer.ts";
import { countCpus, ServerProcess, type Pinning, type ServerMemory } from "./serverProcess.ts";
import { busiestWindowShare, percentile } from "./stats.ts";
import { WorkerPool } from "./workerPool.ts";
import { hostWorkers, placeWithProbe } from "./placement.ts";

export interface BenchConfig {
  sessions: number;
  studentsPerSession: number;
  rounds: number;
  workers: number;
  withArguments: boolean;
  spreadMs: number;
  pinning: Pinning;
  /** From the scenario, so both targets send the same number of requests. */
  policies: string[];
  endorsementsPerStudent: number;
  votePoints: number;
  /** At least this many students (at least one per session) are timed, in a client process of their own (placement.ts). */
  timed: number;
  /** Redis mode: the product runs as two processes sharing sessions through this Redis server (null: one process). */
  redisUrl: string | null;
}

/** One server process's share of a multi-process (Redis mode) run. */
export interface ProcessShare {
  port: number;
  cpus: string | null;
  sessions: number;
  students: number;
  playCpuMs: number;
  cpuMsPerStudentRound: number;
  /** Share of one core the process used during play (CPU time ÷ play time). */
  coreShare: number;
  /** Students one core would hold at this run's pace: students ÷ core share. */
  studentsPerCore: number;
  peakRssBytes: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface TargetRun {
  target: TargetName;
  students: number;
  /** Students who joined and were still connected when play ended. */
  held: number;
  /** Rooms (hosts + students) that reached the debrief, of the number that should have. */
  finished: number;
  expectedFinished: number;
  errorCount: number;
  errors: Record<string, number>;
  /** Students whose actions were timed (the probe's: placement.ts). */
  studentsTimed: number;
  /** Actions whose state change was seen, of the number the timed students should have made. */
  actionsTimed: number;
  actionsExpected: number;
  latencyMs: LatencySummary;
  latencyByKind: Record<ActionKind, LatencySummary>;
  /** Received WebSocket bytes per student per round: all of it, and by the phase it arrived in. */
  bytesPerStudentRound: number;
  bytesPerStudentRoundByPhase: Record<string, number>;
  /** Data frames received per student per round (each state patch is one): how often the server wrote to a student. */
  framesPerStudentRound: number;
  hostBytesPerRound: number;
  compressedSockets: number;
  memory: {
    idleRssBytes: number;
    afterCreateRssBytes: number;
    afterJoinRssBytes: number;
    peakRssBytes: number;
    /** RSS growth from joining the students (after the sessions exist), per student. */
    perStudentBytes: number;
    /** RSS growth from creating the sessions (hosts only), per session. */
    perSessionBytes: number;
  };
  cpu: {
    joinMsPerStudent: number;
    playMs: number;
    playMsPerStudentRound: number;
  };
  serverLoopDelayMs: ServerMemory["eventLoopDelayMs"];
  /**
   * Share of a core the server used during play: on average (per process), and in the busiest second
   * of the busiest process. Near 1, the server had no time left and actions queued behind each other.
   */
  serverCoreBusy: { average: number; busiestSecond: number };
  /**
   * Share of the clients' cores their load workers used during play, on average and in the busiest
   * second. Near 1, the clients had no time left: their latencies include waiting for their own turn.
   */
  clientCoresBusy: { average: number; busiestSecond: number };
  clientLoopDelayP99Ms: number;
  /** The load workers' CPU time during play over the data frames their rooms received (µs): what a frame costs a client. */
  clientCpuUsPerFrame: number;
  playSeconds: number;
  /** Per server process, when the run had more than one (Redis mode). */
  processes: ProcessShare[];
}

/** Timers of every session (seconds): short show-phases, and acting phases long enough that they end because everyone acted. */
export function benchTimers(config: BenchConfig): Record<string, number> {
  const act = Math.ceil(config.spreadMs / 1000) + Math.max(10, Math.ceil(config.studentsPerSession / 20));
  return { briefing: 0.5, propose: act, debate: act, vote: act, resolve: 1, results: 0.5 };
}

function summarise(samples: number[]): LatencySummary {
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

/** Children alive right now, killed by the exit handler if the benchmark stops abruptly. */
export const liveChildren = new Set<{ killNow(): void }>();

/** Colyseus publishes each process's room count at most once a second; Redis-mode sessions are created in waves this far apart so they spread. */
const ROOM_COUNT_PUBLISH_MS = 1100;

/** Sums the processes' memory; the event-loop delay is the worst process's. */
function combine(probes: ServerMemory[]): ServerMemory {
  return {
    rssBytes: probes.reduce((n, p) => n + p.rssBytes, 0),
    heapUsedBytes: probes.reduce((n, p) => n + p.heapUsedBytes, 0),
    eventLoopDelayMs: {
      p50: Math.max(...probes.map((p) => p.eventLoopDelayMs.p50)),
      p99: Math.max(...probes.map((p) => p.eventLoopDelayMs.p99)),
      max: Math.max(...probes.map((p) => p.eventLoopDelayMs.max)),
    },
  };
}

export async function runTarget(target: TargetName, config: BenchConfig, log: (line: string) => void): Promise<TargetRun> {
  const { sessions, studentsPerSession, rounds } = config;
  const students = sessions * studentsPerSession;
  const timers = benchTimers(config);
  const redisUrl = target === "product" ? config.redisUrl : null;
  const servers: ServerProcess[] = [];
  for (let i = 0; i < (redisUrl ? 2 : 1); i++) {
    const port = await getFreePort();
    const server = new ServerProcess(target, port, config.pinning, { cpus: config.pinning.perServerCpus[i] ?? config.pinning.serverCpus, env: redisUrl ? redisModeEnv(redisUrl, port) : {} });
    servers.push(server);
    liveChildren.add(server);
  }
  const probe = async (reset = false): Promise<ServerMemory> => combine(await Promise.all(servers.map((s) => s.probe(reset))));
  const cpuEach = (): number[] => servers.map((s) => s.cpuMs());
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  let pool: WorkerPool | null = null;
  try {
    await Promise.all(servers.map((s) => s.ready()));
    const idle = await probe();
    // The load workers, and the probe (the last), which holds the timed students.
    const loadWorkers = Math.max(1, Math.min(config.workers, students + sessions));
    pool = new WorkerPool(loadWorkers + 1, config.pinning, (i) => i < loadWorkers);
    liveChildren.add(pool);
    const workers = pool;
    const W = workers.size;
    const { placed, timedPerSession } = placeWithProbe(sessions, studentsPerSession, loadWorkers, config.timed);
    if (workers.notNiced.length > 0) log(`  ${target}: could not lower the priority of load worker(s) ${workers.notNiced.join(", ")}: the probe competes with them for the clients' core`);
    const hostOf = hostWorkers(placed, sessions);
    const createOptions: Record<string, unknown> =
      target === "product"
        ? { timers, rounds, maxPlayers: Math.min(1000, studentsPerSession) }
        : { timers, rounds, endorsementsPerStudent: config.withArguments ? config.endorsementsPerStudent : 0, votePoints: config.votePoints };
    for (let w = 0; w < W; w++) {
      workers.send(w, {
        type: "init",
        target,
        // Matchmaking requests spread over the processes; each room's socket goes to the process holding it.
        endpoint: servers[w % servers.length]!.endpoint,
        createOptions,
        policies: config.policies,
        withArguments: config.withArguments,
        spreadMs: config.spreadMs,
        finalPhase: "debrief",
        timesActions: w === loadWorkers,
      });
    }

    // Hosts: with their session's first student (placement.ts). With several processes, in waves (see ROOM_COUNT_PUBLISH_MS).
    const setupErrors: string[] = [];
    const codes = new Map<number, string>();
    const portOf = new Map<number, number>();
    const waveSize = servers.length > 1 ? Math.max(1, Math.ceil(sessions / 10)) : sessions;
    for (let first = 0; first < sessions; first += waveSize) {
      if (first > 0) await new Promise((r) => setTimeout(r, ROOM_COUNT_PUBLISH_MS));
      const wave = Array.from({ length: Math.min(waveSize, sessions - first) }, (_, k) => first + k);
      const created = await Promise.all(
        Array.from({ length: W }, (_, w) => {
          const mine = wave.filter((s) => hostOf[s] === w);
          return workers.ask(w, { type: "create", sessions: mine }, "created", 60_000 + 1000 * mine.length);
        }),
      );
      for (const c of created) {
        for (const { session, code, port } of c.codes) {
          codes.set(session, code);
          portOf.set(session, port);
        }
        setupErrors.push(...c.errors);
      }
    }
    const afterCreate = await probe();
    const where = servers.length > 1 ? ` on ${servers.map((sv) => `${[...portOf.values()].filter((p) => p === sv.port).length} (:${sv.port})`).join(" + ")}` : "";
    log(`  ${target}: ${codes.size}/${sessions} sessions created${where}, joining ${students} students over ${loadWorkers} load workers and the probe (${timedPerSession * sessions} timed)`);

    // Students: whole classes per worker where possible (placement.ts).
    const cpuBeforeJoin = cpuEach();
    const peakRss = servers.map((sv) => sv.rssBytes());
    /** Each process's CPU time during play, sampled with the memory: its busiest second. */
    const cpuSamples: { at: number; cpuMs: number }[][] = servers.map(() => []);
    /** The load workers' CPU time during play, summed over workers, sampled likewise. */
    const clientCpuSamples: { at: number; cpuMs: number }[] = [];
    let sampleCpu = false;
    const sample = (): void => {
      servers.forEach((sv, i) => {
        peakRss[i] = Math.max(peakRss[i]!, sv.rssBytes());
        if (sampleCpu) cpuSamples[i]!.push({ at: performance.now(), cpuMs: sv.cpuMs() });
      });
      if (sampleCpu) clientCpuSamples.push({ at: performance.now(), cpuMs: workers.cpuMs() });
    };
    const sampler = setInterval(sample, 200);
    try {
      const joined = await Promise.all(
        Array.from({ length: W }, (_, w) => {
          const joins = placed[w]!.filter((share) => codes.has(share.session)).map((share) => ({ session: share.session, code: codes.get(share.session)!, students: share.students }));
          const count = joins.reduce((n, j) => n + j.students.length, 0);
          return workers.ask(w, { type: "join", joins }, "joined", 60_000 + 200 * count);
        }),
      );
      for (const j of joined) setupErrors.push(...j.errors);
      const cpuAfterJoin = cpuEach();
      const afterJoin = await probe(true);
      const joinedCount = joined.reduce((n, j) => n + j.joined, 0);
      log(`  ${target}: ${joinedCount}/${students} students joined; playing ${rounds} round(s)`);

      const playTimeoutMs = (rounds * (timers.briefing! + timers.resolve! + timers.results! + 3 * timers.propose!) + 30) * 1000;
      const t0 = performance.now();
      sampleCpu = true;
      sample();
      const results = await Promise.all(Array.from({ length: W }, (_, w) => workers.ask(w, { type: "play", timeoutMs: playTimeoutMs }, "played", playTimeoutMs + 30_000)));
      const playSeconds = (performance.now() - t0) / 1000;
      sample();
      sampleCpu = false;
      const cpuAfterPlay = cpuEach();
      // A server too busy to answer within the probe's timeout is an error of the run, not a reason to lose its figures.
      const end = await probe().catch((error: unknown) => {
        setupErrors.push(`probe after play: ${(error as Error).message}`);
        return null;
      });
      clearInterval(sampler);
      sample();
      await Promise.all(Array.from({ length: W }, (_, w) => workers.ask(w, { type: "leave" }, "left", 15_000).catch(() => undefined)));

      const processes: ProcessShare[] =
        servers.length > 1
          ? servers.map((sv, i) => {
              const mySessions = [...portOf.values()].filter((p) => p === sv.port).length;
              const myStudents = mySessions * studentsPerSession;
              const playCpuMs = cpuAfterPlay[i]! - cpuAfterJoin[i]!;
              const coreShare = playCpuMs / (playSeconds * 1000);
              return {
                port: sv.port,
                cpus: config.pinning.perServerCpus[i] ?? null,
                sessions: mySessions,
                students: myStudents,
                playCpuMs,
                cpuMsPerStudentRound: playCpuMs / Math.max(1, myStudents * rounds),
                coreShare,
                studentsPerCore: coreShare > 0 ? myStudents / coreShare : NaN,
                peakRssBytes: peakRss[i]!,
              };
            })
          : [];
      return summariseRun({
        target,
        config,
        results,
        setupErrors,
        joinedCount,
        memory: { idle, afterCreate, afterJoin, peakRss: sum(peakRss) },
        cpu: { join: sum(cpuAfterJoin) - sum(cpuBeforeJoin), play: sum(cpuAfterPlay) - sum(cpuAfterJoin) },
        serverLoopDelayMs: end?.eventLoopDelayMs ?? { p50: NaN, p99: NaN, max: NaN },
        serverBusiestSecond: Math.max(...cpuSamples.map((samples) => busiestWindowShare(samples, 1000))),
        clientBusiestSecond: busiestWindowShare(clientCpuSamples, 1000),
        playSeconds,
        createdSessions: codes.size,
        processes,
      });
    } finally {
      clearInterval(sampler);
    }
  } finally {
    if (pool) {
      await pool.stop();
      liveChildren.delete(pool);
    }
    for (const server of servers) {
      await server.stop();
      liveChildren.delete(server);
    }
  }
}

interface RawRun {
  target: TargetName;
  config: BenchConfig;
  results: WorkerResult[];
  setupErrors: string[];
  joinedCount: number;
  memory: { idle: ServerMemory; afterCreate: ServerMemory; afterJoin: ServerMemory; peakRss: number };
  cpu: { join: number; play: number };
  serverLoopDelayMs: ServerMemory["eventLoopDelayMs"];
  serverBusiestSecond: number;
  /** The load workers' summed CPU time in their busiest second, as a share of one core. */
  clientBusiestSecond: number;
  playSeconds: number;
  createdSessions: number;
  processes: ProcessShare[];
}

/** Expected actions per student per round: propose, each endorsement they can give, vote. */
function actionsPerStudentRound(config: BenchConfig): number {
  const endorsements = config.withArguments ? Math.min(config.endorsementsPerStudent, config.studentsPerSession - 1) : 0;
  return 2 + endorsements;
}

export function summariseRun(raw: RawRun): TargetRun {
  const { config, results } = raw;
  const students = config.sessions * config.studentsPerSession;
  const errors: Record<string, number> = {};
  const note = (what: string, n = 1): void => {
    errors[what] = (errors[what] ?? 0) + n;
  };
  for (const e of raw.setupErrors) note(e);
  // Students of a session that was never created made no join attempt, so no join error names them.
  note("join: not attempted (session not created)", students - raw.joinedCount - raw.setupErrors.filter((e) => e.startsWith("join")).length);
  for (const r of results) for (const [what, n] of Object.entries(r.errors)) note(what, n);
  for (const [what, n] of Object.entries(errors)) if (n <= 0) delete errors[what];
  /** The load workers' CPU time during play (each measures its own), over the cores they are pinned to. */
  const clientCpuMs = results.reduce((n, r) => n + r.cpuMs, 0);
  const clientCores = countCpus(config.pinning.clientCpus);

  const latencies: Record<ActionKind, number[]> = { propose: [], endorse: [], vote: [] };
  const studentBytes: Record<string, number> = {};
  let hostBytes = 0;
  for (const r of results) {
    for (const kind of ACTION_KINDS) latencies[kind].push(...r.latencies[kind]);
    for (const [phase, bytes] of Object.entries(r.studentBytesByPhase)) studentBytes[phase] = (studentBytes[phase] ?? 0) + bytes;
    for (const bytes of Object.values(r.hostBytesByPhase)) hostBytes += bytes;
  }
  const all = ACTION_KINDS.flatMap((k) => latencies[k]);
  const perStudentRound = Math.max(1, raw.joinedCount) * config.rounds;
  const byPhase = Object.fromEntries(Object.entries(studentBytes).map(([phase, bytes]) => [phase, bytes / perStudentRound]));
  const held = results.reduce((n, r) => n + r.held, 0);
  const studentsTimed = results.reduce((n, r) => n + r.studentsTimed, 0);
  const finished = results.reduce((n, r) => n + r.finished, 0);
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const { idle, afterCreate, afterJoin, peakRss } = raw.memory;
  const joined = Math.max(1, raw.joinedCount);
  return {
    target: raw.target,
    students,
    held,
    finished,
    expectedFinished: students + config.sessions,
    errorCount,
    errors,
    studentsTimed,
    actionsTimed: all.length,
    actionsExpected: studentsTimed * config.rounds * actionsPerStudentRound(config),
    latencyMs: summarise(all),
    latencyByKind: { propose: summarise(latencies.propose), endorse: summarise(latencies.endorse), vote: summarise(latencies.vote) },
    bytesPerStudentRound: Object.values(byPhase).reduce((a, b) => a + b, 0),
    bytesPerStudentRoundByPhase: byPhase,
    framesPerStudentRound: results.reduce((n, r) => n + r.studentFrames, 0) / perStudentRound,
    hostBytesPerRound: hostBytes / Math.max(1, raw.createdSessions) / config.rounds,
    compressedSockets: results.reduce((n, r) => n + r.compressedSockets, 0),
    memory: {
      idleRssBytes: idle.rssBytes,
      afterCreateRssBytes: afterCreate.rssBytes,
      afterJoinRssBytes: afterJoin.rssBytes,
      peakRssBytes: peakRss,
      perStudentBytes: (afterJoin.rssBytes - afterCreate.rssBytes) / joined,
      perSessionBytes: (afterCreate.rssBytes - idle.rssBytes) / Math.max(1, raw.createdSessions),
    },
    cpu: {
      joinMsPerStudent: raw.cpu.join / joined,
      playMs: raw.cpu.play,
      playMsPerStudentRound: raw.cpu.play / (joined * config.rounds),
    },
    serverLoopDelayMs: raw.serverLoopDelayMs,
    serverCoreBusy: {
      average: raw.cpu.play / (Math.max(1, raw.processes.length) * raw.playSeconds * 1000),
      busiestSecond: raw.serverBusiestSecond,
    },
    clientCoresBusy: {
      average: clientCpuMs / (clientCores * raw.playSeconds * 1000),
      busiestSecond: raw.clientBusiestSecond / clientCores,
    },
    clientLoopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
    clientCpuUsPerFrame: (clientCpuMs * 1000) / Math.max(1, results.reduce((n, r) => n + r.playFrames, 0)),
    playSeconds: raw.playSeconds,
    processes: raw.processes,
  };
}
