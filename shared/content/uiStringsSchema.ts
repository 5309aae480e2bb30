// Zod schema of the user-interface strings file (content/ui/strings.json): key → text in every language.
import { z } from "zod";
import { LocalizedTextSchema } from "../i18n.ts";

/** Keys are dotted camelCase words, e.g. `student.vote.submit`, or `refusal.<refusal code>`. */
export const UiStringKeySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*([./-][a-zA-Z0-9]+)*$/, "keys are dotted words like host.lobby.title");

export const UiStringsSchema = z.record(UiStringKeySchema, LocalizedTextSchema);
export type UiStrings = z.infer<typeof UiStringsSchema>;
