// Seeded pseudo-random numbers (mulberry32): the only source of chance in the rules.
// The state is one 32-bit integer, so a game can be saved, resumed and replayed bit for bit.

export interface Rng {
  /** Current internal state; `createRng(rng.state)` continues the same sequence. */
  state: number;
  /** Next number in [0, 1). */
  next(): number;
}

export function createRng(seed: number): Rng {
  const rng: Rng = {
    state: seed >>> 0,
    next() {
      rng.state = (rng.state + 0x6d2b79f5) >>> 0;
      let t = rng.state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
  return rng;
}

/** Rounds an expected count up or down at random so that its mean is kept. */
export function roundStochastically(expected: number, rng: Rng): number {
  if (expected <= 0) return 0;
  const whole = Math.floor(expected);
  return whole + (rng.next() < expected - whole ? 1 : 0);
}

/** Number of successes in `trials` independent draws with chance `p`. */
export function drawBinomial(trials: number, p: number, rng: Rng): number {
  if (p <= 0 || trials <= 0) return 0;
  let hits = 0;
  for (let i = 0; i < trials; i++) if (rng.next() < p) hits++;
  return hits;
}

/** Picks an index with probability proportional to its weight (all weights ≥ 0). */
export function pickWeighted(weights: readonly number[], rng: Rng): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return Math.floor(rng.next() * weights.length);
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}
