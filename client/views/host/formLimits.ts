// Limits of the host form's number fields. Every default must satisfy them (min, max and step), or Chromium
// blocks "Create session" without a word the teacher can act on; a unit test checks every default against them.
import { MAX_PLAYERS_LIMIT } from "../../../shared/protocol/index.ts";

export interface NumberLimits {
  min: number;
  max: number;
  step: number;
}

export const TIMER_INPUT: NumberLimits = { min: 0, max: 3600, step: 1 };
export const SEATS_INPUT: NumberLimits = { min: 1, max: MAX_PLAYERS_LIMIT, step: 1 };
export const DEFAULT_SEATS = 60;

/** What the browser's constraint validation checks for a number field. */
export function isValidFor(value: number, limits: NumberLimits): boolean {
  return value >= limits.min && value <= limits.max && Number.isInteger((value - limits.min) / limits.step);
}
