// The host keys this browser holds, one per session it created or reopened (localStorage): read, save, list and forget.
const PREFIX = "hc.hostKey.";

/** A session this browser may host: its join code and secret host key. */
export interface HeldHostKey {
  code: string;
  hostKey: string;
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export function getHostKey(code: string): string | null {
  try {
    return storage()?.getItem(PREFIX + code) ?? null;
  } catch {
    return null;
  }
}

export function saveHostKey(code: string, hostKey: string): void {
  try {
    storage()?.setItem(PREFIX + code, hostKey);
  } catch {
    // storage unavailable (private mode): the key lasts for this page only
  }
}

export function forgetHostKey(code: string): void {
  try {
    storage()?.removeItem(PREFIX + code);
  } catch {
    // nothing stored, nothing to forget
  }
}

/** Every session this browser holds a key for, in code order (the server's lookup gives dates). */
export function listHostKeys(): HeldHostKey[] {
  const store = storage();
  if (!store) return [];
  const held: HeldHostKey[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const name = store.key(i);
      if (!name?.startsWith(PREFIX)) continue;
      const hostKey = store.getItem(name);
      const code = name.slice(PREFIX.length);
      if (hostKey && code) held.push({ code, hostKey });
    }
  } catch {
    return [];
  }
  return held.sort((a, b) => a.code.localeCompare(b.code));
}
