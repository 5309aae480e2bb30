// The compact wire forms of the synced state's year history, round log and effects, and their
// decoding back into plain objects (pure; no Colyseus). The server encodes with these, the client's
// snapshot and the report decode with them, so both sides agree on the orders by construction.
import { EXPLANATION_KEYS, INDICATORS, LEVERS } from "../content/vocabulary.ts";
import { normaliseMix } from "../rules/policyMix.ts";
import type { EffectPoint, RegionView, RoundLogEntry, YearPoint } from "./stateTypes.ts";
import type { ChangeFormat } from "./whyEffects.ts";
import { shownDigitsOf, toWire } from "./wirePrecision.ts";

/** A year as it travels: values in the orders of INDICATORS (shared/content/vocabulary.ts) and the state's regionIds. */
export interface CompactYear {
  year: number;
  round: number;
  indicators: number[];
  homicides: number[];
  activeGroups: number[];
}

/** A year as the decoder reads it (a decoded YearState or a CompactYear). */
export interface YearLike {
  year: number;
  round: number;
  indicators: Iterable<number>;
  homicides: Iterable<number>;
  activeGroups: Iterable<number>;
}

export interface CompactRoundLog {
  round: number;
  votes: number;
  tally: number[];
}

export interface RoundLogLike {
  round: number;
  votes: number;
  tally: Iterable<number>;
}

/** An effect as it travels: every string is an index into the word list. */
export interface CompactEffect {
  indicator: number;
  delta: number;
  region: number;
  cause: number;
  explanationKey: number;
  numberParams: number[];
  wordParams: number[];
  figures: number[];
}

export interface EffectLike {
  indicator: number;
  delta: number;
  region: number;
  cause: number;
  explanationKey: number;
  numberParams: Iterable<number>;
  wordParams: Iterable<number>;
  figures: Iterable<number>;
}

/** An effect as the rules give it (shared/rules/effects.ts summarised). */
export interface EffectSource {
  indicator: string;
  delta: number;
  region?: string;
  cause: string;
  explanationKey: string;
  params: Record<string, string | number>;
  figures: readonly string[];
}

/** Reply to the `history` request: the historical path's years over the rounds played (empty before the debrief). */
export interface HistoryReply {
  years: CompactYear[];
}

/** Each indicator's display format (the scenario's `indicators[id].format`); a region's numbers use their national indicator's. */
export type FormatOf = (indicator: string) => ChangeFormat;

/** A year in its compact form, every number as it travels (shared/protocol/wirePrecision.ts: float32, showing as the rules' value). */
export function encodeYear(y: YearPoint, indicatorIds: readonly string[], regionIds: readonly string[], formatOf: FormatOf): CompactYear {
  const wire = (indicator: string, value: number) => toWire(value, shownDigitsOf(formatOf(indicator)));
  return {
    year: y.year,
    round: y.round,
    indicators: indicatorIds.map((id) => wire(id, y.indicators[id] ?? 0)),
    homicides: regionIds.map((id) => wire("homicides", y.regions[id]?.homicides ?? 0)),
    activeGroups: regionIds.map((id) => wire("activeGroups", y.regions[id]?.activeGroups ?? 0)),
  };
}

export function decodeYear(y: YearLike, indicatorIds: readonly string[], regionIds: readonly string[]): YearPoint {
  const values = [...y.indicators];
  const homicides = [...y.homicides];
  const groups = [...y.activeGroups];
  const indicators: Record<string, number> = {};
  indicatorIds.forEach((id, i) => (indicators[id] = values[i] ?? 0));
  const regions: YearPoint["regions"] = {};
  regionIds.forEach((id, i) => (regions[id] = { homicides: homicides[i] ?? 0, activeGroups: groups[i] ?? 0 }));
  return { year: y.year, round: y.round, indicators, regions };
}

export function encodeRoundLog(entry: RoundLogEntry, policyIds: readonly string[]): CompactRoundLog {
  return {
    round: entry.round,
    votes: entry.votes,
    tally: policyIds.map((id) => entry.tally[id] ?? 0),
  };
}

/** Decodes a round log entry; its mix is the tally's shares (the rules' normaliseMix, as the server's), so it never travels. */
export function decodeRoundLog(entry: RoundLogLike, policyIds: readonly string[]): RoundLogEntry {
  const values = [...entry.tally];
  const tally = Object.fromEntries(policyIds.map((id, i) => [id, values[i] ?? 0]));
  const shares = normaliseMix(tally, policyIds);
  return {
    round: entry.round,
    votes: entry.votes,
    tally,
    mix: Object.fromEntries(policyIds.map((id) => [id, shares[id] ?? 0])),
  };
}

/**
 * Words both sides know from code (the rules' indicators, explanation keys and levers): indexes
 * below their count mean these, so only other strings (causes, ids of regions, events and figures,
 * placeholder names) travel in the state's `words`. Order is part of the wire format.
 */
export const STATIC_WORDS: readonly string[] = [...new Set(["", ...INDICATORS, ...EXPLANATION_KEYS, ...LEVERS])];

/** The word an effect's index means: a static word, else the state's own word list after them. */
export function wordAt(index: number | undefined, words: readonly string[]): string {
  if (index === undefined) return "";
  return index < STATIC_WORDS.length ? (STATIC_WORDS[index] ?? "") : (words[index - STATIC_WORDS.length] ?? "");
}

/** The server's side of the word list: each new string is appended once, then referred to by index. */
export class WordIndex {
  private readonly indexes = new Map<string, number>();
  private readonly append: (word: string) => void;
  private appended = 0;

  /** `existing` is the state's list as it stands (a restored state); `append` adds a word to the synced list. */
  constructor(existing: Iterable<string>, append: (word: string) => void) {
    this.append = append;
    STATIC_WORDS.forEach((word, i) => this.indexes.set(word, i));
    for (const word of existing) {
      const index = STATIC_WORDS.length + this.appended++;
      if (!this.indexes.has(word)) this.indexes.set(word, index);
    }
  }

  indexOf(word: string): number {
    return this.indexes.get(word) ?? this.add(word);
  }

  private add(word: string): number {
    const index = STATIC_WORDS.length + this.appended++;
    this.indexes.set(word, index);
    this.append(word);
    return index;
  }
}

export function encodeEffect(e: EffectSource, words: WordIndex): CompactEffect {
  const numberParams: number[] = [];
  const wordParams: number[] = [];
  for (const [name, value] of Object.entries(e.params)) {
    if (typeof value === "number") numberParams.push(words.indexOf(name), value);
    else wordParams.push(words.indexOf(name), words.indexOf(value));
  }
  return {
    indicator: words.indexOf(e.indicator),
    delta: e.delta,
    region: words.indexOf(e.region ?? ""),
    cause: words.indexOf(e.cause),
    explanationKey: words.indexOf(e.explanationKey),
    numberParams,
    wordParams,
    figures: e.figures.map((f) => words.indexOf(f)),
  };
}

/** Decodes an effect; `words` is the state's word list (static words need none). */
export function decodeEffect(e: EffectLike, words: readonly string[]): EffectPoint {
  const word = (i: number | undefined) => wordAt(i, words);
  const params: Record<string, string | number> = {};
  const numbers = [...e.numberParams];
  for (let i = 0; i + 1 < numbers.length; i += 2) params[word(numbers[i])] = numbers[i + 1] ?? 0;
  const texts = [...e.wordParams];
  for (let i = 0; i + 1 < texts.length; i += 2) params[word(texts[i])] = word(texts[i + 1]);
  return {
    indicator: word(e.indicator),
    delta: e.delta,
    region: word(e.region),
    cause: word(e.cause),
    explanationKey: word(e.explanationKey),
    params,
    figures: [...e.figures].map((f) => word(f)),
  };
}

/** Whatever holds the synced year history: a decoded state, or the server's own. */
export interface YearsHolder {
  years?: Iterable<YearLike>;
  /** The order of a year's indicators; the rules' INDICATORS when not given (the synced state does not carry it). */
  indicatorIds?: Iterable<string>;
  regionIds?: Iterable<string>;
}

export function readYears(state: YearsHolder, years: Iterable<YearLike> | undefined = state.years): YearPoint[] {
  const indicatorIds = [...(state.indicatorIds ?? INDICATORS)];
  const regionIds = [...(state.regionIds ?? [])];
  return [...(years ?? [])].map((y) => decodeYear(y, indicatorIds, regionIds));
}

/**
 * The country now: the last simulated year's indicators and regions, or empty ones before the first
 * resolve (views then show the scenario's start, client/viewModels/baseline.ts). The state holds no
 * second copy of them.
 */
export function readCountry(years: readonly YearPoint[]): { indicators: Record<string, number>; regions: Record<string, RegionView> } {
  const last = years[years.length - 1];
  return last ? { indicators: { ...last.indicators }, regions: Object.fromEntries(Object.entries(last.regions).map(([id, r]) => [id, { ...r }])) } : { indicators: {}, regions: {} };
}

export function readRoundLog(state: { roundLog?: Iterable<RoundLogLike>; policyIds?: Iterable<string> }): RoundLogEntry[] {
  const policyIds = [...(state.policyIds ?? [])];
  return [...(state.roundLog ?? [])].map((r) => decodeRoundLog(r, policyIds));
}

export function readEffects(state: { effects?: Iterable<EffectLike>; words?: Iterable<string> }): EffectPoint[] {
  const words = [...(state.words ?? [])];
  return [...(state.effects ?? [])].map((e) => decodeEffect(e, words));
}

/** The reveal's vote totals and policy shares: the round log's last entry while its round is the current one. */
export function getReveal(roundLog: readonly RoundLogEntry[], round: number): { tally: Record<string, number>; mix: Record<string, number> } {
  const last = roundLog[roundLog.length - 1];
  return last && last.round === round ? { tally: { ...last.tally }, mix: { ...last.mix } } : { tally: {}, mix: {} };
}
