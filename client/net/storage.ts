// What the browser remembers between page loads: device token, host keys, nicknames and reconnection tokens.
const DEVICE_KEY = "hc.device";

function get(store: Storage, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

function set(store: Storage, key: string, value: string | null): void {
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
  } catch {
    // storage unavailable (private mode): nothing is remembered
  }
}

/** A random id for this browser, created once (the server uses it to give a dropped student their seat back). */
export function getDeviceToken(): string {
  const existing = get(localStorage, DEVICE_KEY);
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  set(localStorage, DEVICE_KEY, token);
  return token;
}

// Host keys live in their own module (the sessions list enumerates them); re-exported for the host page.
export { getHostKey, saveHostKey } from "./hostKeys.ts";

export function getSavedNickname(): string {
  return get(localStorage, "hc.nickname") ?? "";
}
export function saveNickname(nickname: string): void {
  set(localStorage, "hc.nickname", nickname);
}

/** Seat kinds that keep a reconnection token per tab. */
export type SeatKind = "host" | "student" | "spectator";

export function getReconnectionToken(seat: SeatKind, code: string): string | null {
  return get(sessionStorage, `hc.reconnect.${seat}.${code}`);
}
export function saveReconnectionToken(seat: SeatKind, code: string, token: string | null): void {
  set(sessionStorage, `hc.reconnect.${seat}.${code}`, token);
}

/** The role a student has read in this session (its card then opens as a one-line chip). */
export function getReadRole(code: string): string | null {
  return get(sessionStorage, `hc.roleRead.${code}`);
}
export function saveReadRole(code: string, roleId: string): void {
  set(sessionStorage, `hc.roleRead.${code}`, roleId);
}
