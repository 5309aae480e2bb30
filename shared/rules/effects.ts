// Effects: the record of every change the rules make, so the board can say why an indicator
// moved. The rules change indicators only through a ledger, which keeps the invariant that the
// effects of a step add up to the change of every indicator.
import type { ExplanationKey, Indicator, ParameterKey } from "../content/vocabulary.ts";
import { INDICATOR_RANGES } from "../content/vocabulary.ts";
import type { CompiledScenario } from "./compiledScenario.ts";
import { getParamFigures } from "./compiledScenario.ts";
import type { GameState, RegionState } from "./gameState.ts";

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

/**
 * Why a change happened. A mechanism's source is usually a constant declared next to it: it names the parameters
 * whose figures it cites, and the ledger looks those figures up only when it keeps the effect (Monte-Carlo runs
 * never do). A regional change's params get its `region`, and a counted one's its `count`, from the ledger call.
 */
export interface EffectSource {
  cause: string;
  explanationKey: ExplanationKey;
  params?: Readonly<Record<string, string | number>>;
  /** Figures cited directly (a policy's, an event's, a leader's). */
  figures?: readonly string[];
  /** Parameters whose figures are cited. */
  paramKeys?: readonly ParameterKey[];
}

const EPSILON = 1e-9;

export class Ledger {
  readonly effects: Effect[] = [];
  private readonly state: GameState;
  private readonly year: number;
  private readonly scenario: CompiledScenario;
  private readonly keepEffects: boolean;

  /**
   * A figure about later years than `year` is never cited (the scenario gives each figure's first year).
   * Without `keepEffects` the ledger only applies changes (Monte-Carlo runs never read the records).
   */
  constructor(state: GameState, year: number, scenario: CompiledScenario, keepEffects = true) {
    this.state = state;
    this.year = year;
    this.scenario = scenario;
    this.keepEffects = keepEffects;
  }

  /** Adds `delta` to a national indicator, kept inside its range; returns the applied delta. `count` goes into the effect's params. */
  change(indicator: Indicator, delta: number, source: EffectSource, count?: number): number {
    const range = INDICATOR_RANGES[indicator];
    const before = this.state.indicators[indicator];
    const after = Math.min(range.max, Math.max(range.min, before + delta));
    const applied = after - before;
    this.state.indicators[indicator] = after;
    if (this.keepEffects) this.record(indicator, applied, undefined, source, count);
    return applied;
  }

  /** Changes one region's homicides or groups together with the national total. */
  changeRegional(indicator: "homicides" | "activeGroups", regionId: string, delta: number, source: EffectSource, count?: number): number {
    const region = this.state.regions[regionId];
    return region ? this.changeRegion(indicator, regionId, region, delta, source, count) : 0;
  }

  /** `changeRegional` for a caller that holds the region's state (`state.regions[regionId]`) already. */
  changeRegion(indicator: "homicides" | "activeGroups", regionId: string, region: RegionState, delta: number, source: EffectSource, count?: number): number {
    const before = region[indicator];
    const applied = Math.max(0, before + delta) - before;
    region[indicator] = before + applied;
    this.state.indicators[indicator] += applied;
    if (this.keepEffects) this.record(indicator, applied, regionId, source, count);
    return applied;
  }

  private record(indicator: Indicator, delta: number, region: string | undefined, source: EffectSource, count: number | undefined): void {
    if (Math.abs(delta) < EPSILON) return;
    // Params in a fixed order (count, the source's own, region): the records are compared as JSON.
    const params: Record<string, string | number> = count === undefined ? { ...source.params } : { count, ...source.params };
    if (region !== undefined) params.region = region;
    const figures = source.figures ?? (source.paramKeys ? getParamFigures(this.scenario, ...source.paramKeys) : []);
    const effect: Effect = { year: this.year, indicator, delta, cause: source.cause, explanationKey: source.explanationKey, params, figures: this.getCitable(figures) };
    if (region !== undefined) effect.region = region;
    this.effects.push(effect);
  }

  private getCitable(figures: readonly string[]): string[] {
    const fromYear = this.scenario.figureFromYear;
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
