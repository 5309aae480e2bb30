// Number formatting for indicators and changes, per indicator format and language (pure).
import type { Language } from "../../shared/i18n.ts";
import { roundChange } from "../../shared/protocol/whyEffects.ts";

export type IndicatorFormat = "count" | "index" | "usdBillions" | "usdMillions";

function locale(lang: Language): string {
  return lang === "es" ? "es-MX" : "en-US";
}

/** An indicator value for display: counts rounded, indices to one decimal, money with its unit sign. */
export function formatIndicatorValue(value: number, format: IndicatorFormat, lang: Language): string {
  const nf = (digits: number) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  switch (format) {
    case "count":
      return nf(0).format(Math.round(value));
    case "index":
      return nf(1).format(value);
    case "usdBillions":
      return `$${nf(1).format(value)}B`;
    case "usdMillions":
      return `$${nf(0).format(value)}M`;
  }
}

/** A change with an explicit sign ("+1,234", "−2.5", "±0"). */
export function formatSignedChange(delta: number, format: IndicatorFormat, lang: Language): string {
  // The same rounding decides which effects the server sends (shared/protocol/whyEffects.ts).
  const rounded = roundChange(delta, format);
  if (rounded === 0) return "±0";
  const body = formatIndicatorValue(Math.abs(rounded), format, lang);
  return `${rounded > 0 ? "+" : "−"}${body}`;
}

/** Compact counts for tight labels: 12,345 → "12.3k". */
export function formatCompact(value: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), { notation: "compact", maximumFractionDigits: 1 }).format(value);
}
