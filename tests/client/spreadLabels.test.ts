// End labels of chart lines are spread apart so two never overlap, in order, within the chart.
import { describe, expect, it } from "vitest";
import { spreadLabels } from "../../client/board/drawCharts.ts";

describe("chart end labels", () => {
  it("move overlapping labels apart, keep their order and stay within the bounds", () => {
    const tops = spreadLabels([50, 52, 200], 20, 0, 300);
    expect(tops[1]! - tops[0]!).toBeGreaterThanOrEqual(20);
    expect(tops[2]).toBe(200);
    const squeezed = spreadLabels([290, 289, 288], 20, 0, 300);
    expect(Math.max(...squeezed)).toBeLessThanOrEqual(280);
    const sorted = [...squeezed].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(20);
  });
});
