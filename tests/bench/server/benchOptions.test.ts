// Command-line options of the server benchmark: defaults, flags, and clear refusals of bad input.
import { describe, expect, it } from "vitest";
import { defaultWorkers, parseBenchArgs } from "./benchOptions.ts";
import { choosePinning, countCpus } from "./serverProcess.ts";
import { actionDelayMs } from "./targets.ts";

describe("bench:server options", () => {
  it("reads SESSIONS STUDENTS with two rounds, one run, arguments on by default", () => {
    expect(parseBenchArgs(["5", "40"])).toMatchObject({ sessions: 5, studentsPerSession: 40, rounds: 2, runs: 1, withArguments: true, json: false, spreadMs: 1000, timed: 400 });
  });

  it("reads ROUNDS and every flag", () => {
    const options = parseBenchArgs(["1", "1000", "3", "--runs", "3", "--workers", "4", "--no-arguments", "--json", "--only", "baseline", "--spread-ms", "0", "--timed", "50"]);
    expect(options).toMatchObject({ sessions: 1, studentsPerSession: 1000, rounds: 3, runs: 3, workers: 4, withArguments: false, json: true, only: "baseline", spreadMs: 0, timed: 50 });
  });

  it("refuses bad input with a message naming the argument", () => {
    expect(() => parseBenchArgs(["1"])).toThrow(/expected SESSIONS STUDENTS/);
    expect(() => parseBenchArgs(["0", "40"])).toThrow(/SESSIONS must be at least 1/);
    expect(() => parseBenchArgs(["1", "1001"])).toThrow(/STUDENTS must be at most 1000/);
    expect(() => parseBenchArgs(["1", "4.5"])).toThrow(/STUDENTS must be a whole number/);
    expect(() => parseBenchArgs(["1", "40", "--runs"])).toThrow(/--runs needs a value/);
    expect(() => parseBenchArgs(["1", "40", "--only", "server"])).toThrow(/--only takes product or baseline/);
    expect(() => parseBenchArgs(["1", "40", "--fast"])).toThrow(/unknown option --fast/);
  });

  it("reads --redis, which measures the product only", () => {
    expect(parseBenchArgs(["2", "40", "--redis"])).toMatchObject({ sessions: 2, redis: true });
    expect(parseBenchArgs(["2", "40"]).redis).toBe(false);
    expect(() => parseBenchArgs(["2", "40", "--redis", "--only", "baseline"])).toThrow(/--redis runs the product only/);
  });

  it("pins one core per server process while cores remain for the clients, else the servers share CPU 0", () => {
    const pinning = choosePinning(2, 2);
    if (!pinning.taskset) return; // no taskset here: nothing is pinned
    expect(pinning).toMatchObject({ perServerCpus: ["0", "0"], clientCpus: "1" });
    expect(choosePinning(2)).toMatchObject({ perServerCpus: ["0"], serverCpus: "0", clientCpus: "1" });
    expect(choosePinning(4, 2)).toMatchObject({ perServerCpus: ["0", "1"], clientCpus: "2-3" });
    expect(choosePinning(3, 2)).toMatchObject({ perServerCpus: ["0", "1"], clientCpus: "2" });
  });

  it("counts the CPUs of a taskset list, or the machine's when nothing is pinned", () => {
    expect(countCpus("1")).toBe(1);
    expect(countCpus("2-3")).toBe(2);
    expect(countCpus("0,2-5")).toBe(5);
    expect(countCpus(null, 6)).toBe(6);
  });

  it("uses at least two client processes and one more per 250 students, up to eight", () => {
    expect(defaultWorkers(40)).toBe(2);
    expect(defaultWorkers(1000)).toBe(4);
    expect(defaultWorkers(10_000)).toBe(8);
  });

  it("spreads a class's actions over the whole window and over every offset from a 50 ms patch tick", () => {
    const delays = Array.from({ length: 400 }, (_, s) => actionDelayMs(s, 0, 1000));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(1000);
    const tenths = new Set(delays.map((d) => Math.floor(d / 100)));
    expect(tenths.size).toBe(10);
    const tickOffsets = new Set(delays.map((d) => Math.floor((d % 50) / 5)));
    expect(tickOffsets.size).toBe(10);
    expect(actionDelayMs(7, 1, 1000)).not.toBe(actionDelayMs(7, 0, 1000));
  });

});
