// The languages the product ships in and the placeholder filler, without zod, so a phone's first page stays small.
export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function formatText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
