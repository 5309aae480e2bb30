// Form ↔ scenario value mapping: what an input's text becomes in the draft, and what a draft value shows in the input.

/** A number input's text → a number, or undefined (the key is removed and the validator names the field) when blank or not a number. */
export function parseNumberInput(raw: string): number | undefined {
  const trimmed = raw.trim().replace(",", ".");
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Optional numbers that mean "absent" at zero (lever intensities, agenda weights): 0 or blank removes the key. */
export function parseOptionalWeight(raw: string): number | undefined {
  const value = parseNumberInput(raw);
  return value === undefined || value === 0 ? undefined : value;
}

/** Optional text (an assumption, an author): blank removes the key. */
export function parseOptionalText(raw: string): string | undefined {
  return raw.trim() === "" ? undefined : raw;
}

/** What an input shows for a draft value: numbers and strings as text, anything else blank. */
export function formatInputValue(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return value;
  return "";
}

/** Toggles `id` in a list of ids, keeping the order of the rest. */
export function toggleId(list: unknown, id: string, isOn: boolean): string[] {
  const ids = Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
  const without = ids.filter((x) => x !== id);
  return isOn ? [...without, id] : without;
}

/** An id not yet used in `taken`, built from `base` (base, base-2, base-3, …). */
export function getFreeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
