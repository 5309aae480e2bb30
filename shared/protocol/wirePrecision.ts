// Numbers as they travel (pure): what the synced state and the `history` reply carry instead of the
// rules' doubles, so a value takes 1–5 bytes rather than 9, yet every figure a view makes of it is
// the one it makes of the rules' value. The server's game state, the report and the record keep
// full precision.
//
// Why float32 rather than a few decimals: the schema's "number" sends a whole number in 1–3 bytes
// and any other number as float32 (5 bytes) when that is within 1e-4, else as float64 (9). A
// number with two decimals is not whole, so it costs the same 5 bytes as float32's 7 significant
// digits, and it would change what views work out from values: the meters subtract two years (a
// change one decimal wide), the phone ranks regions by homicides and the why lines rank effects by
// size, and a coarser step turns near-equal values into ties or moves a change across a half step.
// Float32 keeps order (rounding is monotone) and changes to within 1e-7 of the value.
import type { ChangeFormat } from "./whyEffects.ts";

/** Whether a number is shown as a value or as a change: they round differently (see shownAs). */
export type Reading = "value" | "change";

/** Decimals an indicator's values and changes are shown with: counts and millions whole, indexes and billions to one decimal. */
export function shownDigitsOf(format: ChangeFormat): number {
  return format === "count" || format === "usdMillions" ? 0 : 1;
}

/**
 * What the schema's "number" type delivers for `value`: whole numbers exactly, other numbers as
 * float32 when that is within 1e-4 (@colyseus/schema encode.ts `number`), else as float64.
 */
export function asDecoded(value: number): number {
  if (Number.isInteger(value)) return value;
  const single = Math.fround(value);
  return Math.abs(single - value) < 1e-4 ? single : value;
}

const valueFormats = [0, 1].map((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0, useGrouping: false }));

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

/** Values closer to 0 than this travel as 0. */
const TINY = 1e-30;

const bits = new Float32Array(1);
const bitsAsInt = new Int32Array(bits.buffer);

/** The float32 next to `single` (a float32) in the direction of `toward`. */
function nextSingle(single: number, toward: number): number {
  bits[0] = single;
  // Same sign: a larger magnitude is the next integer pattern up.
  bitsAsInt[0]! += (toward > single) === single > 0 ? 1 : -1;
  return bits[0]!;
}

/**
 * `value` as it travels: the nearest float32 (whole numbers as they are), or the float32 on its
 * other side when the nearest one would show differently with `digits` decimals read as `reading`
 * (a value rounded across a half step). What the server stores is exactly what a client decodes.
 */
export function toWire(value: number, digits: number, reading: Reading = "value"): number {
  // −0 travels as 0 (the schema has no negative zero); both show as 0 and "±0".
  if (value === 0) return 0;
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  // Far below anything shown (and below float32's normal range): nothing.
  if (Math.abs(value) < TINY) return 0;
  const single = Math.fround(value);
  if (!Number.isFinite(single)) return value;
  const target = shownAs(value, digits, reading);
  if (shownAs(single, digits, reading) === target) return single;
  const other = nextSingle(single, value);
  return shownAs(other, digits, reading) === target ? other : value;
}

/** The largest distance between a value and its wire form: one float32 step at its size (a tiny value travels as 0). */
export function wireTolerance(value: number): number {
  return Math.max(Math.abs(value) * 2 ** -23, TINY);
}
