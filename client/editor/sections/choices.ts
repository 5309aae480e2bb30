// Choices offered by pickers, read from the draft: figures, sources, regions and indicators.
import type { Choice } from "../fields.ts";
import { INDICATORS } from "../../../shared/content/vocabulary.ts";
import { getAt } from "../scenarioPath.ts";
import { localize } from "../editorI18n.ts";

function shorten(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function listOf(data: unknown, key: string): Record<string, unknown>[] {
  const list = getAt(data, [key]);
  return Array.isArray(list) ? list.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null) : [];
}

export function getFigureChoices(data: unknown): Choice[] {
  return listOf(data, "figures")
    .filter((f) => typeof f.id === "string")
    .map((f) => ({ value: String(f.id), label: `${String(f.id)} — ${shorten(localize(f.claim))}` }));
}

export function getIdChoices(data: unknown, key: string): Choice[] {
  return listOf(data, key)
    .filter((x) => typeof x.id === "string")
    .map((x) => ({ value: String(x.id), label: typeof x.name === "object" ? `${localize(x.name)} (${String(x.id)})` : String(x.id) }));
}

/** Indicator label from the scenario's own indicator texts, else its code name. */
export function getIndicatorLabel(data: unknown, indicator: string): string {
  return localize(getAt(data, ["indicators", indicator, "label"])) || indicator;
}

export function getIndicatorChoices(data: unknown, only?: readonly string[]): Choice[] {
  return (only ?? INDICATORS).map((i) => ({ value: i, label: getIndicatorLabel(data, i) }));
}
