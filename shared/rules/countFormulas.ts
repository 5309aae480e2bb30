// Remembered values of the rules' formulas of a region's whole count of groups (powers with the scenario's exponents).
// They are asked for in every region every year and at every capture, and Math.pow with a fractional exponent is the
// costliest step of a Monte-Carlo game; a remembered value is the very double the formula gave, so games stay bit-identical.
import type { CompiledScenario } from "./compiledScenario.ts";

/** A pure function of the scenario, a region (its index) and a count of groups. */
export type CountFormula = (c: CompiledScenario, regionIndex: number, count: number) => number;

/** Counts above this are computed every time (a region holds far fewer groups). */
const MAX_REMEMBERED_COUNT = 4096;

/** Per formula and region, the value for each count so far (NaN where not yet computed). */
export type RememberedCounts = Map<CountFormula, number[][]>;

/** `formula(c, regionIndex, count)`, computed once per compiled scenario, region and whole count. */
export function getRemembered(c: CompiledScenario, formula: CountFormula, regionIndex: number, count: number): number {
  if (!(count >= 0 && count <= MAX_REMEMBERED_COUNT && Number.isInteger(count))) return formula(c, regionIndex, count);
  let byRegion = c.rememberedCounts.get(formula);
  if (!byRegion) c.rememberedCounts.set(formula, (byRegion = []));
  let values = byRegion[regionIndex];
  if (!values) byRegion[regionIndex] = values = [];
  while (values.length <= count) values.push(Number.NaN);
  let value = values[count]!;
  // A formula that gives NaN is simply computed again next time.
  if (Number.isNaN(value)) values[count] = value = formula(c, regionIndex, count);
  return value;
}
