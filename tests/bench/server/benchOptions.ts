// Command-line options of `npm run bench:server -- SESSIONS STUDENTS [ROUNDS] [flags]`, parsed with
// clear messages for bad input.
import { z } from "zod";
import { MAX_PLAYERS_LIMIT } from "../../../shared/protocol/options.ts";

export const USAGE = `usage: npm run bench:server -- SESSIONS STUDENTS [ROUNDS] [--runs N] [--workers N] [--spread-ms N] [--no-arguments] [--only product|baseline] [--timed N] [--redis] [--json]
  SESSIONS      sessions played at the same time (≥ 1)
  STUDENTS      students per session (1–${MAX_PLAYERS_LIMIT})
  ROUNDS        rounds per session (default 2)
  --runs N      repeat product and baseline N times, alternating which goes first; prints medians (default 1)
  --workers N   client processes holding the untimed students (default: one per 250 students, 2 to 8)
  --spread-ms N students act within N ms of a phase opening, spread evenly (default 1000)
  --no-arguments  propose without an argument (so nothing to endorse)
  --only T      measure only the product or only the baseline
  --timed N     at least N students (default 400; all if fewer), at least one per session, are timed, in a client process
                of their own (the probe), so a timed frame never waits behind thousands of other sockets' frames; in the
                other processes one student per session decodes and the session's others act on its state (their own
                bytes and frames are still received and counted), so the clients' core measures the server, not itself
  --redis       run the product as two processes sharing sessions through a throwaway redis-server (README: several processes),
                spread the sessions over both and print each one's share and the combined capacity (product only)
  --json        print one JSON object instead of the table
environment: BENCH_SERVER_NODE_ARGS adds Node flags to the server under test, e.g. "--cpu-prof --cpu-prof-dir=prof" to see where its time goes;
  BENCH_WORKER_NODE_ARGS does the same for the client processes`;

const Count = (name: string, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`);

export const BenchOptionsSchema = z.strictObject({
  sessions: Count("SESSIONS"),
  studentsPerSession: Count("STUDENTS", MAX_PLAYERS_LIMIT),
  rounds: Count("ROUNDS", 12).default(2),
  runs: Count("--runs", 25).default(1),
  workers: Count("--workers", 64).optional(),
  spreadMs: z.coerce.number({ error: "--spread-ms must be a number" }).int("--spread-ms must be a whole number").min(0).max(60_000).default(1000),
  withArguments: z.boolean().default(true),
  only: z.enum(["product", "baseline"], { error: "--only takes product or baseline" }).optional(),
  timed: Count("--timed").default(400),
  redis: z.boolean().default(false),
  json: z.boolean().default(false),
}).refine((o) => !(o.redis && o.only === "baseline"), { message: "--redis runs the product only (the baseline has no Redis mode)" });
export type BenchOptions = z.output<typeof BenchOptionsSchema>;

/** Parses argv (after the script name); throws an Error whose message says what is wrong and shows the usage. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const positional: string[] = [];
  const raw: Record<string, unknown> = {};
  const valueFlags: Record<string, string> = { "--runs": "runs", "--workers": "workers", "--spread-ms": "spreadMs", "--only": "only", "--timed": "timed" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") raw.json = true;
    else if (arg === "--no-arguments") raw.withArguments = false;
    else if (arg === "--redis") raw.redis = true;
    else if (arg in valueFlags) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      raw[valueFlags[arg]!] = value;
    } else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length < 2 || positional.length > 3) throw new Error(`expected SESSIONS STUDENTS [ROUNDS], got ${positional.length} value(s)\n${USAGE}`);
  [raw.sessions, raw.studentsPerSession, raw.rounds] = positional;
  if (raw.rounds === undefined) delete raw.rounds;
  const parsed = BenchOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  return parsed.data;
}

/** Default number of client processes: one per 250 students, at least 2 (clients never share the server's process), at most 8. */
export function defaultWorkers(totalStudents: number): number {
  return Math.min(8, Math.max(2, Math.ceil(totalStudents / 250)));
}
