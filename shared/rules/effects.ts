// Effects: the record of every change the rules make, so the board can say why an indicator
// moved. The rules change indicators only through a ledger, which keeps the invariant that the
// effects of a step add up to the change of every indicator.
import type { ExplanationKey, Indicator } from "../content/vocabulary.ts";
import { INDICATOR_RANGES } from "../content/vocabulary.ts";
import type { GameState } from "./gameState.ts";

export interface Effect {
  year: number;
  indicator: Indicator;
  delta: number;
  /** Set for changes to one region's homicides or groups (the national value moves with it). */
  region?: string;
  /** What caused it: `policy:<id>`, `event:<id>` or the name of a mechanism. */
  cause: string;
  explanationKey: ExplanationKey;
  /** Values for the explanation's placeholders; `region`, `policy`, `event` hold ids. */
  params: Record<string, string | number>;
  figures: string[];
}

export interface EffectSource {
  cause: string;
  explanationKey: ExplanationKey;
  params?: Record<string, string | number>;
  figures: string[];
}

const EPSILON = 1e-9;

export class Ledger {
  readonly effects: Effect[] = [];
  private readonly state: GameState;
  private readonly year: number;
  private readonly figureFromYear: ReadonlyMap<string, number> | undefined;
  private readonly keepEffects: boolean;

  /**
   * `figureFromYear` gives each figure's first year: a figure about later years is never cited.
   * Without `keepEffects` the ledger only applies changes (Monte-Carlo runs never read the records).
   */
  constructor(state: GameState, year: number, figureFromYear?: ReadonlyMap<string, number>, keepEffects = true) {
    this.state = state;
    this.year = year;
    this.figureFromYear = figureFromYear;
    this.keepEffects = keepEffects;
  }

  /** Adds `delta` to a national indicator, kept inside its range; returns the applied delta. */
  change(indicator: Indicator, delta: number, source: EffectSource): number {
    const range = INDICATOR_RANGES[indicator];
    const before = this.state.indicators[indicator];
    const after = Math.min(range.max, Math.max(range.min, before + delta));
    const applied = after - before;
    this.state.indicators[indicator] = after;
    this.record(indicator, applied, undefined, source);
    return applied;
  }

  /** Changes one region's homicides or groups together with the national total. */
  changeRegional(indicator: "homicides" | "activeGroups", regionId: string, delta: number, source: EffectSource): number {
    const region = this.state.regions[regionId];
    if (!region) return 0;
    const before = region[indicator];
    const applied = Math.max(0, before + delta) - before;
    region[indicator] = before + applied;
    this.state.indicators[indicator] += applied;
    this.record(indicator, applied, regionId, source);
    return applied;
  }

  private record(indicator: Indicator, delta: number, region: string | undefined, source: EffectSource): void {
    if (!this.keepEffects || Math.abs(delta) < EPSILON) return;
    const effect: Effect = {
      year: this.year,
      indicator,
      delta,
      cause: source.cause,
      explanationKey: source.explanationKey,
      params: source.params ?? {},
      figures: this.getCitable(source.figures),
    };
    if (region !== undefined) effect.region = region;
    this.effects.push(effect);
  }

  private getCitable(figures: readonly string[]): string[] {
    const fromYear = this.figureFromYear;
    if (!fromYear) return [...figures];
    return figures.filter((id) => (fromYear.get(id) ?? this.year) <= this.year);
  }
}

/** Merges effects with the same indicator, region, cause and explanation, adding deltas (for display). */
export function summariseEffects(effects: readonly Effect[]): Effect[] {
  const merged = new Map<string, Effect>();
  for (const e of effects) {
    const key = `${e.indicator}|${e.region ?? ""}|${e.cause}|${e.explanationKey}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...e, params: { ...e.params } });
      continue;
    }
    existing.delta += e.delta;
    const count = existing.params.count;
    if (typeof count === "number" && typeof e.params.count === "number") existing.params.count = count + e.params.count;
    if (typeof existing.params.leaders === "string" && typeof e.params.leaders === "string" && e.params.leaders) {
      existing.params.leaders = existing.params.leaders ? `${existing.params.leaders}, ${e.params.leaders}` : e.params.leaders;
    }
    for (const f of e.figures) if (!existing.figures.includes(f)) existing.figures.push(f);
  }
  return [...merged.values()];
}
