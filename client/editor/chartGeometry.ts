// Geometry of the preview's line chart: nice axis ticks, scales and SVG path strings (pure, so it is unit-tested).

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Scale {
  (value: number): number;
}

/** About `count` round tick values covering [min, max] (1, 2, 2.5 or 5 times a power of ten apart). */
export function getNiceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max === min) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 1;
    return getNiceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; ticks.length === 0 || (ticks[ticks.length - 1] ?? 0) < max; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

export function createScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** `M x y L x y …` through the finite points. */
export function getLinePath(xs: readonly number[], ys: readonly number[], x: Scale, y: Scale): string {
  const parts: string[] = [];
  xs.forEach((xv, i) => {
    const yv = ys[i];
    if (yv === undefined || !Number.isFinite(yv)) return;
    parts.push(`${parts.length === 0 ? "M" : "L"}${x(xv).toFixed(1)} ${y(yv).toFixed(1)}`);
  });
  return parts.join(" ");
}

/** A closed area between the low and high values (the Monte-Carlo band). */
export function getBandPath(xs: readonly number[], lows: readonly number[], highs: readonly number[], x: Scale, y: Scale): string {
  const top = xs.map((xv, i) => `${x(xv).toFixed(1)} ${y(highs[i] ?? 0).toFixed(1)}`);
  const bottom = xs.map((xv, i) => `${x(xv).toFixed(1)} ${y(lows[i] ?? 0).toFixed(1)}`).reverse();
  if (top.length === 0) return "";
  return `M${top.join(" L")} L${bottom.join(" L")} Z`;
}
