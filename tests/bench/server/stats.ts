// Statistics for the server benchmark: percentiles of latency samples, medians across runs, and
// the formatting of bytes and milliseconds in its table.

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Median of the finite values (NaN when there are none): the figure reported across repeated runs. */
export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = finite.length >> 1;
  return finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/** a ÷ b, NaN when b is zero or either is not a number (printed as "–"). */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN;
}

export function formatKb(bytes: number): string {
  if (!Number.isFinite(bytes)) return "–";
  return bytes < 1024 ? `${Math.round(bytes)} B` : `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 2 : 1)} KB`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(1)} ms`;
}

export function formatRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : "–";
}

/**
 * The highest share of one core used over any `windowMs` between samples of a process's cumulative
 * CPU time (`{ at, cpuMs }`, in time order): a core saturated for a second shows 1 even when the
 * run's average is low. NaN with fewer than two samples that far apart.
 */
export function busiestWindowShare(samples: readonly { at: number; cpuMs: number }[], windowMs: number): number {
  let best = NaN;
  let start = 0;
  for (let end = 1; end < samples.length; end++) {
    while (start + 1 < end && samples[end]!.at - samples[start + 1]!.at >= windowMs) start++;
    const span = samples[end]!.at - samples[start]!.at;
    if (span < windowMs) continue;
    const share = (samples[end]!.cpuMs - samples[start]!.cpuMs) / span;
    if (!(share <= best)) best = share;
  }
  return best;
}
