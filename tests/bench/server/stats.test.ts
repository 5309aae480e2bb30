// Percentiles, medians and ratios of the server benchmark.
import { describe, expect, it } from "vitest";
import { busiestWindowShare, formatKb, median, percentile, ratio } from "./stats.ts";

describe("benchmark statistics", () => {
  it("takes nearest-rank percentiles of unsorted samples", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it("gives the median of odd and even counts and ignores missing values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 7, Infinity])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it("gives no ratio against zero or a missing figure", () => {
    expect(ratio(6, 3)).toBe(2);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
  });

  it("prints bytes as B below 1 KB and KB above", () => {
    expect(formatKb(512)).toBe("512 B");
    expect(formatKb(1536)).toBe("1.50 KB");
    expect(formatKb(27.6 * 1024)).toBe("27.6 KB");
  });

  it("finds the busiest second of a process's CPU samples, which a run's average hides", () => {
    // Sampled every 200 ms over 5 s: idle, then one core saturated from 2.0 s to 3.0 s, then a quarter busy.
    const samples = Array.from({ length: 26 }, (_, k) => {
      const at = k * 200;
      const cpuMs = Math.min(Math.max(at - 2000, 0), 1000) + Math.max(at - 3000, 0) / 4;
      return { at, cpuMs };
    });
    expect(busiestWindowShare(samples, 1000)).toBeCloseTo(1, 5);
    expect(samples.at(-1)!.cpuMs / samples.at(-1)!.at).toBeCloseTo(0.3, 5);
    expect(busiestWindowShare(samples.slice(15), 1000)).toBeCloseTo(0.25, 5);
    expect(busiestWindowShare(samples.slice(0, 3), 1000)).toBeNaN();
  });
});
