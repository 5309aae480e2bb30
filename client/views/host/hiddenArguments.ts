// Arguments the host hid, remembered in this browser per session: the server drops hidden ones from everyone's state, so this is how the host finds them again to show them.
import type { ArgumentView } from "../../../shared/protocol/index.ts";

const keyOf = (code: string) => `hc.hidden.${code}`;

function isArgument(value: unknown): value is ArgumentView {
  const a = value as Partial<ArgumentView> | null;
  return typeof a === "object" && a !== null && typeof a.id === "string" && typeof a.text === "string" && typeof a.round === "number" && typeof a.policyId === "string";
}

export function getHiddenArguments(code: string): ArgumentView[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(code)) ?? "[]") as unknown;
    return Array.isArray(parsed) ? parsed.filter(isArgument) : [];
  } catch {
    return [];
  }
}

function save(code: string, list: readonly ArgumentView[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(keyOf(code));
    else localStorage.setItem(keyOf(code), JSON.stringify(list));
  } catch {
    // storage unavailable: the list lasts for this page only
  }
  memory.set(code, [...list]);
}

const memory = new Map<string, ArgumentView[]>();

/** Hidden arguments of this session (storage, or this page's memory when storage is unavailable). */
export function listHidden(code: string): ArgumentView[] {
  const stored = getHiddenArguments(code);
  return stored.length > 0 ? stored : (memory.get(code) ?? []);
}

export function rememberHidden(code: string, argument: ArgumentView): void {
  save(code, [...listHidden(code).filter((a) => a.id !== argument.id), argument]);
}

export function forgetHidden(code: string, argumentId: string): void {
  save(code, listHidden(code).filter((a) => a.id !== argumentId));
}
