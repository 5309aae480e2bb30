// Languages the product ships in and the localised-text schema every content string uses.
import { z } from "zod";

export const LANGUAGES = ["en", "es"] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** A string in every supported language; none may be blank. */
export const LocalizedTextSchema = z.strictObject({
  en: z.string().trim().min(1, "English text is missing"),
  es: z.string().trim().min(1, "Spanish text is missing"),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function formatText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
