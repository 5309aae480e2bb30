// Server load benchmark (npm run bench:server -- SESSIONS STUDENTS [ROUNDS] [--runs N] [--json] …):
// measures the product's session server (server/main.ts, a child process pinned to one core)
// against a bare Colyseus room with a comparable state (tests/bench/server/baselineRoom.ts), in the
// same run, alternating. Clients are @colyseus/sdk rooms in forked worker processes on the other
// core(s). Prints held / errors, action→patch latency, received bytes per student per round by
// phase, server memory per student, server CPU per student-round, and product ÷ baseline ratios.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { loadScenarioFromDisk } from "../../shared/content/loadScenarioFromDisk.ts";
import { liveChildren, runTarget, type BenchConfig } from "./server/benchRun.ts";
import { defaultWorkers, parseBenchArgs, type BenchOptions } from "./server/benchOptions.ts";
import type { TargetName } from "./server/ipc.ts";
import { buildReport, formatTable, type Report } from "./server/report.ts";
import { choosePinning } from "./server/serverProcess.ts";
import { LOAD_WORKER_NICE } from "./server/workerPool.ts";
import { hasRedisServer, REDIS_SERVER, startRedisServer, type RedisServer } from "../support/redisServer.ts";

const SCENARIO_ID = process.env.DEFAULT_SCENARIO || "mexico-2006";

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

// Whatever happens, no server or worker outlives the benchmark.
process.on("exit", () => {
  for (const child of liveChildren) child.killNow();
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

const root = join(import.meta.dirname, "..", "..");
const loaded = loadScenarioFromDisk(join(root, process.env.CONTENT_DIR || "content", "scenarios", SCENARIO_ID));
if (!loaded.ok) {
  console.error(`scenario ${SCENARIO_ID} does not load: ${loaded.errors.map((e) => `${e.file}: ${e.path}: ${e.message}`).join("; ")}`);
  process.exit(1);
}
const scenario = loaded.scenario;
if (options.rounds > scenario.rounds.length) {
  console.error(`ROUNDS: the scenario ${SCENARIO_ID} has ${scenario.rounds.length} rounds`);
  process.exit(2);
}

let redis: RedisServer | null = null;
if (options.redis) {
  if (!hasRedisServer) {
    console.error(`--redis needs redis-server at ${REDIS_SERVER} (apt-get install redis-server)`);
    process.exit(2);
  }
  redis = await startRedisServer();
  const running = redis;
  liveChildren.add({ killNow: () => running.stop() });
}

const totalStudents = options.sessions * options.studentsPerSession;
const pinning = choosePinning(availableParallelism(), options.redis ? 2 : 1);
const config: BenchConfig = {
  sessions: options.sessions,
  studentsPerSession: options.studentsPerSession,
  rounds: options.rounds,
  workers: options.workers ?? defaultWorkers(totalStudents),
  withArguments: options.withArguments,
  spreadMs: options.spreadMs,
  timed: options.timed,
  pinning,
  policies: scenario.policies.map((p) => p.id),
  endorsementsPerStudent: scenario.settings.endorsementsPerStudent,
  votePoints: scenario.settings.votePoints,
  redisUrl: redis?.url ?? null,
};
const log = (line: string): void => {
  if (!options.json) console.error(line);
};
const sharedCore = options.redis && new Set(pinning.perServerCpus).size < pinning.perServerCpus.length;
const where = !pinning.taskset
  ? "not pinned (no taskset or a single core)"
  : options.redis
    ? sharedCore
      ? `two product processes through Redis, both on CPU ${pinning.perServerCpus[0]} (too few cores for one each), clients on CPU ${pinning.clientCpus}`
      : `two product processes through Redis on CPU ${pinning.perServerCpus.join(" and ")}, clients on CPU ${pinning.clientCpus}`
    : `server on CPU ${pinning.serverCpus}, clients on CPU ${pinning.clientCpus}`;
const header =
  `Server benchmark: ${options.sessions} session(s) × ${options.studentsPerSession} students, ${options.rounds} round(s), ` +
  `${options.withArguments ? "with" : "without"} arguments · ${options.runs} run(s)${options.runs > 1 ? " (medians)" : ""} · ${where}, ${config.workers} client processes (nice ${LOAD_WORKER_NICE})` +
  ` and a probe process with ${options.timed >= totalStudents ? "every student" : `≥ ${options.timed} students`}, timed`;
log(header);

const targets: TargetName[] = options.redis ? ["product"] : options.only ? [options.only] : ["product", "baseline"];
const runs: Report["runs"] = [];
let failed = false;
for (let i = 0; i < options.runs; i++) {
  // Alternate which target goes first, so a machine getting busier or quieter favours neither.
  const order = i % 2 === 0 ? targets : [...targets].reverse();
  const run: Report["runs"][number] = { order };
  for (const target of order) {
    log(`run ${i + 1}/${options.runs}: ${target}`);
    try {
      run[target] = await runTarget(target, config, log);
    } catch (error) {
      failed = true;
      console.error(`run ${i + 1}, ${target}: ${(error as Error).message}`);
    }
  }
  runs.push(run);
}

const report = buildReport(
  {
    sessions: options.sessions,
    studentsPerSession: options.studentsPerSession,
    rounds: options.rounds,
    runs: options.runs,
    withArguments: options.withArguments,
    spreadMs: options.spreadMs,
    timed: options.timed,
    redis: options.redis,
    workers: config.workers,
    pinning,
    scenarioId: SCENARIO_ID,
  },
  runs,
);
if (options.json) console.log(JSON.stringify(report));
else console.log(formatTable(report, header));
redis?.stop();
const clean = runs.every((r) => targets.every((t) => r[t] && r[t]!.errorCount === 0 && r[t]!.held === r[t]!.students));
process.exit(failed || !clean ? 1 : 0);
