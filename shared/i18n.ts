// Languages the product ships in and the localised-text schema every content string uses.
import { z } from "zod";
import { LANGUAGES } from "./languages.ts";

// The constants and the filler live in a zod-free module (the phone's join page loads them).
export { LANGUAGES, formatText } from "./languages.ts";
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** A string in every supported language; none may be blank. */
export const LocalizedTextSchema = z.strictObject({
  en: z.string().trim().min(1, "English text is missing"),
  es: z.string().trim().min(1, "Spanish text is missing"),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
