// The rules' remembered count formulas: each value is the formula's own double, computed once per compiled scenario,
// region and whole count; other counts are computed every time.
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../shared/rules/compiledScenario.ts";
import type { CountFormula } from "../../shared/rules/countFormulas.ts";
import { getRemembered } from "../../shared/rules/countFormulas.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

describe("remembered count formulas", () => {
  it("gives the formula's value, computing it once per region and whole count", () => {
    const c = compileScenario(structuredClone(loadDefaultScenario()));
    const calls: string[] = [];
    const power: CountFormula = (compiled, regionIndex, count) => {
      calls.push(`${regionIndex}:${count}`);
      return Math.pow(count / (regionIndex + 1), compiled.param.groupViolenceExponent);
    };
    const exponent = c.param.groupViolenceExponent;
    for (let round = 0; round < 3; round++) {
      expect(getRemembered(c, power, 0, 7)).toBe(Math.pow(7, exponent));
      expect(getRemembered(c, power, 1, 7)).toBe(Math.pow(7 / 2, exponent));
      expect(getRemembered(c, power, 1, 0)).toBe(0);
    }
    expect(calls).toEqual(["0:7", "1:7", "1:0"]);
  });

  it("computes counts that are not small whole numbers every time, and formulas that give NaN again", () => {
    const c = compileScenario(structuredClone(loadDefaultScenario()));
    let calls = 0;
    const half: CountFormula = (_c, _region, count) => {
      calls++;
      return count / 2;
    };
    const undefinedAtZero: CountFormula = (_c, _region, count) => {
      calls++;
      return count === 0 ? Number.NaN : 1;
    };
    for (const count of [2.5, -1, 1e9, 2.5]) expect(getRemembered(c, half, 0, count)).toBe(count / 2);
    expect(calls).toBe(4);
    expect(getRemembered(c, undefinedAtZero, 0, 0)).toBeNaN();
    expect(getRemembered(c, undefinedAtZero, 0, 0)).toBeNaN();
    expect(calls).toBe(6);
  });

  it("keeps each compiled scenario's values apart (an edited scenario is a new compiled scenario)", () => {
    const base = loadDefaultScenario();
    const edited = structuredClone(base);
    edited.parameters.groupViolenceExponent.value += 0.1;
    const byExponent: CountFormula = (compiled, _region, count) => Math.pow(count, compiled.param.groupViolenceExponent);
    const a = compileScenario(structuredClone(base));
    const b = compileScenario(edited);
    expect(getRemembered(a, byExponent, 0, 5)).toBe(Math.pow(5, base.parameters.groupViolenceExponent.value));
    expect(getRemembered(b, byExponent, 0, 5)).toBe(Math.pow(5, edited.parameters.groupViolenceExponent.value));
  });
});
