// The benchmark marks each issue target met or missed only for the configuration it is stated for.
import { describe, expect, it } from "vitest";
import { checkIssueTargets, formatTargets } from "./issueTargets.ts";

const product = (over: Record<string, number> = {}) => ({ students: 10_000, held: 10_000, errors: 0, latencyP95Ms: 31, bytesPerStudentRound: 4000, ...over });

describe("issue targets", () => {
  it("at 250 × 40 checks p95, held and errors, and both ratios; the 1 × 40 and 1 × 1,000 targets are not measured", () => {
    const checks = checkIssueTargets({ sessions: 250, studentsPerSession: 40, withArguments: true }, product(), { latencyP95Ms: 0.6, bytesPerStudentRound: 2.5 });
    const byLabel = Object.fromEntries(checks.map((c) => [c.label, c.met]));
    expect(byLabel["p95 action→patch ≤ 50 ms at 250 × 40, every client held, 0 errors"]).toBe(true);
    expect(byLabel["product ÷ baseline ≤ 1.2 for p95 latency at 250 × 40"]).toBe(true);
    expect(byLabel["product ÷ baseline ≤ 2 for bytes at 250 × 40"]).toBe(false);
    expect(byLabel["≤ 5 KB / student / round without arguments at 1 × 40"]).toBeNull();
    expect(byLabel["p95 action→patch ≤ 150 ms at 1 × 1,000, every client held, 0 errors"]).toBeNull();
  });

  it("a fast run that lost a client or had an error misses the latency target", () => {
    const shape = { sessions: 250, studentsPerSession: 40, withArguments: true };
    const label = "p95 action→patch ≤ 50 ms at 250 × 40, every client held, 0 errors";
    expect(checkIssueTargets(shape, product({ held: 9999 }), {}).find((c) => c.label === label)!.met).toBe(false);
    expect(checkIssueTargets(shape, product({ errors: 1 }), {}).find((c) => c.label === label)!.met).toBe(false);
    expect(checkIssueTargets(shape, product({ latencyP95Ms: 50.5 }), {}).find((c) => c.label === label)!.met).toBe(false);
  });

  it("checks the byte targets only on runs without arguments", () => {
    const label = "≤ 5 KB / student / round without arguments at 1 × 40";
    const small = product({ students: 40, held: 40, bytesPerStudentRound: 4 * 1024 });
    expect(checkIssueTargets({ sessions: 1, studentsPerSession: 40, withArguments: true }, small, {}).find((c) => c.label === label)!.met).toBeNull();
    expect(checkIssueTargets({ sessions: 1, studentsPerSession: 40, withArguments: false }, small, {}).find((c) => c.label === label)!.met).toBe(true);
    const big = product({ students: 40, held: 40, bytesPerStudentRound: 5.5 * 1024 });
    expect(checkIssueTargets({ sessions: 1, studentsPerSession: 40, withArguments: false }, big, {}).find((c) => c.label === label)!.met).toBe(false);
  });

  it("prints measured targets with MET / MISSED and lists the others", () => {
    const lines = formatTargets(checkIssueTargets({ sessions: 1, studentsPerSession: 1000, withArguments: false }, product({ students: 1000, held: 1000, latencyP95Ms: 200, bytesPerStudentRound: 9000 }), {}));
    expect(lines).toContain("  MISSED p95 action→patch ≤ 150 ms at 1 × 1,000, every client held, 0 errors: 200.0 ms, held 1000/1000, 0 errors");
    expect(lines).toContain("  MET    ≤ 10 KB / student / round without arguments at 1 × 1,000: 8.79 KB");
    expect(lines.at(-1)).toMatch(/^ {2}not measured by this configuration: /);
  });
});
