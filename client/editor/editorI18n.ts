// The editor's UI strings (content/ui/editor.json) in the language the rest of the app uses (remembered under hc.lang).
import type { LocalizedText } from "../../shared/i18n.ts";
import { formatText } from "../../shared/i18n.ts";
import type { Lever } from "../../shared/content/vocabulary.ts";
import editorStrings from "../../content/ui/editor.json" with { type: "json" };
import { formatNumber, getLanguage } from "../i18n/i18n.ts";

const STRINGS: Record<string, LocalizedText> = editorStrings;

/** The editor string `key` with `{placeholders}` filled; the key itself if missing (a unit test keeps none missing). */
export function t(key: string, values: Record<string, string | number> = {}): string {
  const entry = STRINGS[key];
  return entry ? formatText(entry[getLanguage()], values) : key;
}

/** Content text in the current language; blank when the draft lacks it. */
export function localize(text: unknown): string {
  if (typeof text !== "object" || text === null) return "";
  const value = (text as Record<string, unknown>)[getLanguage()];
  return typeof value === "string" ? value : "";
}

export function getLeverLabel(lever: Lever): string {
  const labels: Record<Lever, string> = {
    targeting: t("lever.targeting"),
    force: t("lever.force"),
    institutions: t("lever.institutions"),
    demandReduction: t("lever.demandReduction"),
    amnesty: t("lever.amnesty"),
    financial: t("lever.financial"),
    armsTracing: t("lever.armsTracing"),
    social: t("lever.social"),
    legalisation: t("lever.legalisation"),
  };
  return labels[lever];
}

export function formatValue(value: number | null, maximumFractionDigits = 2): string {
  if (value === null || !Number.isFinite(value)) return t("common.none");
  return formatNumber(value, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : maximumFractionDigits });
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(getLanguage() === "es" ? "es-MX" : "en-US", { dateStyle: "medium", timeStyle: "short" }).format(date);
}
