// UI strings and the current language: t(key) looks up content/ui/strings.json; the choice is kept in localStorage.
import type { LocalizedText } from "../../shared/i18n.ts";
import type { Language } from "../../shared/languages.ts";
import { LANGUAGES, formatText } from "../../shared/languages.ts";
import stringsJson from "../../content/ui/strings.json" with { type: "json" };

const STRINGS: Record<string, LocalizedText> = stringsJson;
const STORAGE_KEY = "hc.lang";

type Listener = (lang: Language) => void;
const listeners = new Set<Listener>();
let current: Language = readInitialLanguage();

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function readInitialLanguage(): Language {
  const stored = safeStorageGet(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return navigator.language.toLowerCase().startsWith("es") ? "es" : "en";
}

function safeStorageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function getLanguage(): Language {
  return current;
}

/** True once the person picked a language themselves (then a session's language does not override it). */
export function hasChosenLanguage(): boolean {
  return isLanguage(safeStorageGet(STORAGE_KEY));
}

export function setLanguage(lang: Language, options: { remember: boolean } = { remember: true }): void {
  if (options.remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The UI string `key` in the current language with `{placeholders}` filled; the key itself if missing. */
export function t(key: string, values: Record<string, string | number> = {}): string {
  const entry = STRINGS[key];
  if (!entry) return key;
  return formatText(entry[current], values);
}

/**
 * A count string with the plural form the language's rules pick for `count` (Intl.PluralRules):
 * looks up `key.one`, `key.many`, … and falls back to `key.other`; `{count}` is the formatted number.
 */
export function tn(key: string, count: number, values: Record<string, string | number> = {}): string {
  const form = getPluralForm(current, count);
  const entry = STRINGS[`${key}.${form}`] ?? STRINGS[`${key}.other`];
  if (!entry) return key;
  return formatText(entry[current], { count: formatNumber(count), ...values });
}

/** The plural category (`one`, `other`, …) of `count` in `lang`. */
export function getPluralForm(lang: Language, count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(localeOf(lang)).select(count);
}

function localeOf(lang: Language): string {
  return lang === "es" ? "es-MX" : "en-US";
}

/** Content text (scenario names, claims) in the current language. */
export function localize(text: LocalizedText | undefined): string {
  return text ? text[current] : "";
}

/** Number formatting in the current language. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(localeOf(current), options).format(value);
}
