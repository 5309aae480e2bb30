// The server targets of issue 12 that a benchmark run can check, each marked met or missed for the
// configuration it is stated for (the others are listed as not measured by this run).
import type { Figures } from "./report.ts";

export interface RunShape {
  sessions: number;
  studentsPerSession: number;
  withArguments: boolean;
}

export interface TargetCheck {
  /** The target as the issue states it. */
  label: string;
  /** The measured figure, formatted; empty when this run does not measure it. */
  value: string;
  /** true met, false missed, null not measured by this configuration. */
  met: boolean | null;
}

interface Target {
  label: string;
  appliesTo: (shape: RunShape) => boolean;
  /** The figure and whether it meets the target; null when the run has no figure for it. */
  check: (product: Figures, ratios: Figures) => { value: string; met: boolean } | null;
}

const is = (sessions: number, students: number, withArguments?: boolean) => (shape: RunShape) =>
  shape.sessions === sessions && shape.studentsPerSession === students && (withArguments === undefined || shape.withArguments === withArguments);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const times = (value: number): string => `${value.toFixed(2)}×`;

function allHeld(product: Figures): boolean {
  return product.errors === 0 && product.held === product.students;
}

function maybe(value: number | undefined, format: (v: number) => string, isMet: (v: number) => boolean, extra = true): { value: string; met: boolean } | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  return { value: format(value), met: isMet(value) && extra };
}

export const ISSUE_TARGETS: readonly Target[] = [
  {
    label: "≤ 5 KB / student / round without arguments at 1 × 40",
    appliesTo: is(1, 40, false),
    check: (p) => maybe(p.bytesPerStudentRound, kb, (v) => v <= 5 * 1024),
  },
  {
    label: "p95 action→patch ≤ 50 ms at 250 × 40, every client held, 0 errors",
    appliesTo: is(250, 40),
    check: (p) => maybe(p.latencyP95Ms, (v) => `${ms(v)}, held ${p.held}/${p.students}, ${p.errors} errors`, (v) => v <= 50, allHeld(p)),
  },
  {
    label: "p95 action→patch ≤ 150 ms at 1 × 1,000, every client held, 0 errors",
    appliesTo: is(1, 1000),
    check: (p) => maybe(p.latencyP95Ms, (v) => `${ms(v)}, held ${p.held}/${p.students}, ${p.errors} errors`, (v) => v <= 150, allHeld(p)),
  },
  {
    label: "product ÷ baseline ≤ 1.2 for p95 latency at 250 × 40",
    appliesTo: is(250, 40),
    check: (_p, r) => maybe(r.latencyP95Ms, times, (v) => v <= 1.2),
  },
  {
    label: "product ÷ baseline ≤ 2 for bytes at 250 × 40",
    appliesTo: is(250, 40),
    check: (_p, r) => maybe(r.bytesPerStudentRound, times, (v) => v <= 2),
  },
  {
    label: "≤ 10 KB / student / round without arguments at 1 × 1,000",
    appliesTo: is(1, 1000, false),
    check: (p) => maybe(p.bytesPerStudentRound, kb, (v) => v <= 10 * 1024),
  },
];

/** Every target, checked when this run's shape is the one it is stated for. */
export function checkIssueTargets(shape: RunShape, product: Figures | undefined, ratios: Figures): TargetCheck[] {
  return ISSUE_TARGETS.map((target) => {
    const result = target.appliesTo(shape) && product ? target.check(product, ratios) : null;
    return result ? { label: target.label, value: result.value, met: result.met } : { label: target.label, value: "", met: null };
  });
}

/** The table's closing lines: measured targets with their mark, then the ones this run does not measure. */
export function formatTargets(checks: readonly TargetCheck[]): string[] {
  const measured = checks.filter((c) => c.met !== null);
  const lines = ["issue 12 targets:"];
  for (const c of measured) lines.push(`  ${c.met ? "MET   " : "MISSED"} ${c.label}: ${c.value}`);
  const others = checks.filter((c) => c.met === null);
  if (others.length > 0) lines.push(`  not measured by this configuration: ${others.map((c) => c.label).join("; ")}`);
  return lines;
}
