// The server benchmark's output: the figures of each target (medians when there are several runs),
// the product ÷ baseline ratios, as a readable table or one JSON object.
import type { TargetName } from "./ipc.ts";
import type { TargetRun } from "./benchRun.ts";
import { checkIssueTargets, formatTargets, type RunShape, type TargetCheck } from "./issueTargets.ts";
import { formatKb, formatMs, formatRatio, median, ratio } from "./stats.ts";

/** Phases in play order, for the bytes table; "join" is the handshake and the first full state (see byteMeter.ts). */
const PHASE_ORDER = ["join", "lobby", "briefing", "propose", "debate", "vote", "resolve", "results", "debrief", "ended"];

/** The numbers of one target's run that are compared and reported as medians. */
export type Figures = Record<string, number>;

export function figuresOf(run: TargetRun): Figures {
  const f: Figures = {
    students: run.students,
    held: run.held,
    errors: run.errorCount,
    studentsTimed: run.studentsTimed,
    actionsTimed: run.actionsTimed,
    actionsExpected: run.actionsExpected,
    latencyP50Ms: run.latencyMs.p50,
    latencyP95Ms: run.latencyMs.p95,
    latencyP99Ms: run.latencyMs.p99,
    bytesPerStudentRound: run.bytesPerStudentRound,
    framesPerStudentRound: run.framesPerStudentRound,
    hostBytesPerRound: run.hostBytesPerRound,
    rssPerStudentBytes: run.memory.perStudentBytes,
    rssPerSessionBytes: run.memory.perSessionBytes,
    peakRssBytes: run.memory.peakRssBytes,
    cpuMsPerStudentRound: run.cpu.playMsPerStudentRound,
    cpuMsPerStudentJoin: run.cpu.joinMsPerStudent,
    serverLoopDelayP99Ms: run.serverLoopDelayMs.p99,
    serverCoreBusy: run.serverCoreBusy.average,
    serverCoreBusiestSecond: run.serverCoreBusy.busiestSecond,
    clientCoresBusy: run.clientCoresBusy.average,
    clientCoresBusiestSecond: run.clientCoresBusy.busiestSecond,
    clientLoopDelayP99Ms: run.clientLoopDelayP99Ms,
    clientCpuUsPerFrame: run.clientCpuUsPerFrame,
    playSeconds: run.playSeconds,
  };
  for (const [kind, s] of Object.entries(run.latencyByKind)) f[`latencyP95Ms.${kind}`] = s.p95;
  for (const [phase, bytes] of Object.entries(run.bytesPerStudentRoundByPhase)) f[`bytesPerStudentRound.${phase}`] = bytes;
  return f;
}

/** Median of each figure over runs (a figure missing from a run counts as 0 bytes for phases, else is skipped). */
export function medianFigures(runs: readonly Figures[]): Figures {
  const keys = new Set(runs.flatMap((r) => Object.keys(r)));
  const out: Figures = {};
  for (const key of keys) {
    const values = runs.map((r) => r[key] ?? (key.startsWith("bytesPerStudentRound.") ? 0 : NaN));
    out[key] = median(values);
  }
  return out;
}

/** The ratios the issue's targets are stated in. */
export const RATIO_KEYS = ["latencyP50Ms", "latencyP95Ms", "latencyP99Ms", "bytesPerStudentRound", "framesPerStudentRound", "rssPerStudentBytes", "cpuMsPerStudentRound", "clientCpuUsPerFrame"] as const;

export function ratios(product: Figures | undefined, baseline: Figures | undefined): Figures {
  const out: Figures = {};
  if (!product || !baseline) return out;
  for (const key of RATIO_KEYS) out[key] = ratio(product[key]!, baseline[key]!);
  return out;
}

export interface Report {
  config: Record<string, unknown>;
  runs: { order: TargetName[]; product?: TargetRun; baseline?: TargetRun }[];
  medians: Partial<Record<TargetName, Figures>>;
  ratios: Figures;
  /** The issue's targets, marked met or missed where this run's shape is the one they are stated for. */
  targets: TargetCheck[];
}

export function buildReport(config: RunShape & Record<string, unknown>, runs: Report["runs"]): Report {
  const medians: Report["medians"] = {};
  for (const target of ["product", "baseline"] as const) {
    const figures = runs.flatMap((r) => (r[target] ? [figuresOf(r[target]!)] : []));
    if (figures.length > 0) medians[target] = medianFigures(figures);
  }
  const r = ratios(medians.product, medians.baseline);
  return { config, runs, medians, ratios: r, targets: checkIssueTargets(config, medians.product, r) };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text + " " : text + " ".repeat(width - text.length);
}

/**
 * Redis mode: each process's share of each run, and the capacity they add up to. "Students per core"
 * is the students a process held ÷ the share of one core it used during play: how many students one
 * core would hold at this run's pace.
 */
export function formatProcesses(report: Report): string[] {
  const lines: string[] = [];
  for (const [i, run] of report.runs.entries()) {
    const processes = run.product?.processes ?? [];
    if (processes.length < 2) continue;
    for (const p of processes) {
      lines.push(
        `run ${i + 1} process :${p.port}${p.cpus ? ` (CPU ${p.cpus})` : ""}: ${p.sessions} sessions, ${p.students} students, CPU ${formatMs(p.cpuMsPerStudentRound)}/student-round, ` +
          `${(p.coreShare * 100).toFixed(0)}% of a core during play → ≈ ${Math.round(p.studentsPerCore).toLocaleString("en")} students per core, peak RSS ${(p.peakRssBytes / 1048576).toFixed(0)} MB`,
      );
    }
    const students = processes.reduce((n, p) => n + p.students, 0);
    const capacity = processes.reduce((n, p) => n + p.studentsPerCore, 0);
    lines.push(`run ${i + 1} combined: ${students} students over ${processes.length} processes (held ${run.product!.held}, ${run.product!.errorCount} errors); capacity at this pace ≈ ${Math.round(capacity).toLocaleString("en")} students with one core per process`);
  }
  return lines;
}

/** A share of one core as a percentage ("–" when unknown). */
function formatShare(share: number): string {
  return Number.isFinite(share) ? `${Math.round(share * 100)}%` : "–";
}

/** The readable table: one column per target and one for the ratio. */
export function formatTable(report: Report, header: string): string {
  const p = report.medians.product;
  const b = report.medians.baseline;
  const lines: string[] = [header];
  if (!p && !b) return [...lines, "no run completed: nothing to report"].join("\n");
  const row = (label: string, show: (f: Figures) => string, ratioKey?: string): void => {
    const cells = [p ? show(p) : "", b ? show(b) : "", ratioKey && p && b ? formatRatio(report.ratios[ratioKey] ?? NaN) : ""];
    lines.push(pad(label, 40) + pad(cells[0]!, 16) + pad(cells[1]!, 16) + cells[2]);
  };
  lines.push(pad("", 40) + pad(p ? "product" : "", 16) + pad(b ? "baseline" : "", 16) + (p && b ? "product ÷ baseline" : ""));
  row("clients held / errors", (f) => `${f.held}/${f.students} · ${f.errors}`);
  row("students timed (in the probe process)", (f) => `${f.studentsTimed}`);
  row("actions timed / expected", (f) => `${f.actionsTimed}/${f.actionsExpected}`);
  row("action→patch p50", (f) => formatMs(f.latencyP50Ms!), "latencyP50Ms");
  row("action→patch p95", (f) => formatMs(f.latencyP95Ms!), "latencyP95Ms");
  row("action→patch p99", (f) => formatMs(f.latencyP99Ms!), "latencyP99Ms");
  for (const kind of ["propose", "endorse", "vote"]) row(`  p95 ${kind}`, (f) => formatMs(f[`latencyP95Ms.${kind}`] ?? NaN));
  row("bytes received / student / round", (f) => formatKb(f.bytesPerStudentRound!), "bytesPerStudentRound");
  const phases = new Set([...Object.keys(p ?? {}), ...Object.keys(b ?? {})].filter((k) => k.startsWith("bytesPerStudentRound.")).map((k) => k.slice("bytesPerStudentRound.".length)));
  const ordered = [...PHASE_ORDER.filter((ph) => phases.has(ph)), ...[...phases].filter((ph) => !PHASE_ORDER.includes(ph)).sort()];
  for (const phase of ordered) row(phase === "join" ? "  at join (handshake + full state)" : `  in ${phase}`, (f) => formatKb(f[`bytesPerStudentRound.${phase}`] ?? 0));
  row("frames received / student / round", (f) => (f.framesPerStudentRound ?? NaN).toFixed(1), "framesPerStudentRound");
  row("host bytes / round", (f) => formatKb(f.hostBytesPerRound!));
  row("server RSS / student", (f) => formatKb(f.rssPerStudentBytes!), "rssPerStudentBytes");
  row("server RSS / session, before students", (f) => formatKb(f.rssPerSessionBytes!));
  row("server CPU / student-round (play)", (f) => formatMs(f.cpuMsPerStudentRound!), "cpuMsPerStudentRound");
  row("server CPU / student (join)", (f) => formatMs(f.cpuMsPerStudentJoin!));
  row("server event-loop delay p99 (play)", (f) => formatMs(f.serverLoopDelayP99Ms!));
  row("server core busy (average, busiest s)", (f) => `${formatShare(f.serverCoreBusy!)}, ${formatShare(f.serverCoreBusiestSecond!)}`);
  row("clients' event-loop delay p99 (worst)", (f) => formatMs(f.clientLoopDelayP99Ms!));
  row("clients' cores busy (average, busiest s)", (f) => `${formatShare(f.clientCoresBusy!)}, ${formatShare(f.clientCoresBusiestSecond!)}`);
  row("clients' CPU / frame received (play)", (f) => `${(f.clientCpuUsPerFrame ?? NaN).toFixed(1)} µs`, "clientCpuUsPerFrame");
  row("play time", (f) => `${f.playSeconds!.toFixed(1)} s`);
  for (const [i, run] of report.runs.entries()) {
    for (const target of run.order) {
      const r = run[target];
      if (!r) continue;
      const errs = Object.entries(r.errors).map(([what, n]) => `${what} ×${n}`).join(", ");
      lines.push(
        `run ${i + 1} ${pad(target, 9)} p95 ${formatMs(r.latencyMs.p95)}, ${formatKb(r.bytesPerStudentRound)}/student/round, CPU ${formatMs(r.cpu.playMsPerStudentRound)}/student-round, held ${r.held}/${r.students}${errs ? `, errors: ${errs}` : ""}${r.compressedSockets ? `, ${r.compressedSockets} sockets compressed (bytes are decompressed sizes)` : ""}`,
      );
    }
  }
  lines.push(...formatProcesses(report));
  lines.push(...formatTargets(report.targets));
  return lines.join("\n");
}
