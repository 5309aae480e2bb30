// Numbers at the precision the views show them (pure): what the synced state and the `history`
// reply carry instead of the rules' full doubles, so a value travels in 1–5 bytes rather than 9.
// The server's own game state, the report and the record keep full precision.
import type { ChangeFormat } from "./whyEffects.ts";

/**
 * How a number is shown, which decides how much of it travels:
 * - "whole": shown as a whole number and never subtracted by a view (a region's homicides):
 *   sent as the whole number shown.
 * - "count": shown to whole units (homicides, groups, money in millions) and subtracted for the
 *   meters' "change since last round": whole values travel as they are; others as the middle of
 *   their sixteenth (a binary step, so the number is exact in float32 and travels in 5 bytes),
 *   which keeps every whole and half unit on its side and a difference within 1/16 of the truth.
 * - "tenth": shown to one decimal (0–100 indexes, money in billions; changes of those):
 *   the middle of its hundredth, so a difference of two is within 0.01 of the truth.
 */
export type WirePrecision = "whole" | "count" | "tenth";

/** The precision of an indicator's national values and changes, from its display format in the scenario. */
export function precisionOf(format: ChangeFormat): WirePrecision {
  return format === "count" || format === "usdMillions" ? "count" : "tenth";
}

/**
 * The precision of a region's value of an indicator: views show it (the map's number and shade,
 * client/viewModels/mapModel.ts) but never subtract it, so a whole count travels whole. Its shade
 * is then the level of the number it shows: 499.6 reads "500" in the 500–1,000 shade.
 */
export function regionalPrecisionOf(format: ChangeFormat): WirePrecision {
  const national = precisionOf(format);
  return national === "count" ? "whole" : national;
}

/** The steps a non-whole value is kept to: a sixteenth for counts, a hundredth for tenths. */
const STEPS_PER_UNIT: Record<Exclude<WirePrecision, "whole">, number> = { count: 16, tenth: 100 };
/** Digits each precision is shown with. */
const SHOWN_DIGITS: Record<WirePrecision, number> = { whole: 0, count: 0, tenth: 1 };

/**
 * What the schema's "number" type delivers for `value`: whole numbers exactly, other numbers as
 * float32 when that is within 1e-4 (@colyseus/schema encode.ts `number`), else as float64. The
 * server stores this, so its synced state holds exactly what every client decodes.
 */
export function asDecoded(value: number): number {
  if (Number.isInteger(value)) return value;
  const single = Math.fround(value);
  return Math.abs(single - value) < 1e-4 ? single : value;
}

const valueFormats = [0, 1].map((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0, useGrouping: false }));

/** Whether a number is shown as a value or as a change: they round differently. */
export type Reading = "value" | "change";

/**
 * The figure a view makes of a number with `digits` decimals: a value through Intl (client/viewModels/format.ts
 * formatIndicatorValue: the shortest decimal form rounded half away from zero), a change through
 * roundChange (shared/protocol/whyEffects.ts: Math.round of value × 10^digits). They differ for a
 * double a hair below a half step, such as 12.45.
 */
export function shownAs(value: number, digits: number, reading: Reading): string {
  if (reading === "value") return valueFormats[digits]!.format(value);
  const scale = 10 ** digits;
  return String(Math.round(value * scale) / scale);
}

/**
 * `value` as it travels: rounded to `precision` yet showing exactly as `value` does when read as
 * `reading` (after the schema's float32, see asDecoded). Within wireTolerance(precision) of it.
 */
export function toWire(value: number, precision: WirePrecision, reading: Reading = "value"): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  if (precision === "whole") return Math.round(value);
  const steps = STEPS_PER_UNIT[precision];
  // Already on a step that float32 holds exactly (317.5 million): it travels as it is.
  if (Number.isInteger(value * steps) && asDecoded(value) === value) return value;
  const digits = SHOWN_DIGITS[precision];
  const target = shownAs(value, digits, reading);
  // The middle of the step that holds the value, or of a neighbour when the product value × steps
  // rounded across a step edge the view's reading did not (a double a hair below a half step).
  const cell = Math.floor(value * steps);
  for (const offset of [0, 1, -1]) {
    const candidate = asDecoded((cell + offset + 0.5) / steps);
    if (shownAs(candidate, digits, reading) === target) return candidate;
  }
  return value;
}

/** The largest distance between a value and its wire form: half a step, a step and a half after a neighbour's step. */
export function wireTolerance(precision: WirePrecision): number {
  return precision === "whole" ? 0.5 : 1.5 / STEPS_PER_UNIT[precision];
}
