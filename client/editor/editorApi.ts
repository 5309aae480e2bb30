// Calls to the server: reading scenarios (public) and saving, creating, history and restore (facilitator key).
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { EditorError } from "./validateDraft.ts";

export interface ScenarioListing {
  id: string;
  version: number;
  title: { en: string; es: string };
}

export interface HistoryItem {
  version: number;
  savedAt: string;
}

/** A refused call as a value: a stable code, the server's message, and the extra data some refusals carry. */
export interface ApiRefusal {
  status: number;
  code: string;
  message: string;
  errors?: EditorError[];
  currentVersion?: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; refusal: ApiRefusal };

const KEY_STORAGE = "hc.editor.facilitatorKey";

export function getStoredKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? "";
  } catch {
    return "";
  }
}

export function storeKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage unavailable: the key lasts while the page is open
  }
}

async function call<T>(path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.key !== undefined) headers.authorization = `Bearer ${init.key}`;
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  } catch (err) {
    return { ok: false, refusal: { status: 0, code: "network/offline", message: (err as Error).message } };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, value: body as T };
  const b = (typeof body === "object" && body !== null ? body : {}) as Partial<ApiRefusal> & { error?: string };
  return {
    ok: false,
    refusal: {
      status: res.status,
      code: b.code ?? b.error ?? `http/${res.status}`,
      message: typeof b.message === "string" ? b.message : `HTTP ${res.status}`,
      errors: Array.isArray(b.errors) ? b.errors.map((e) => ({ path: String(e.path), message: String(e.message) })) : undefined,
      currentVersion: typeof b.currentVersion === "number" ? b.currentVersion : undefined,
    },
  };
}

const enc = encodeURIComponent;

export const editorApi = {
  listScenarios: () => call<ScenarioListing[]>("/api/scenarios"),
  getScenario: (id: string) => call<Scenario>(`/api/scenarios/${enc(id)}`),
  checkKey: (key: string) => call<{ ok: true }>("/api/editor/check", { key }),
  save: (key: string, id: string, baseVersion: number, scenario: unknown) =>
    call<{ id: string; version: number; scenario: Scenario }>(`/api/editor/scenarios/${enc(id)}`, { method: "PUT", key, body: { baseVersion, scenario } }),
  create: (key: string, scenario: unknown) => call<{ id: string; version: number; scenario: Scenario }>("/api/editor/scenarios", { method: "POST", key, body: { scenario } }),
  history: (key: string, id: string) => call<HistoryItem[]>(`/api/editor/scenarios/${enc(id)}/history`, { key }),
  restore: (key: string, id: string, version: number, baseVersion: number) =>
    call<{ id: string; version: number; scenario: Scenario }>(`/api/editor/scenarios/${enc(id)}/restore`, { method: "POST", key, body: { version, baseVersion } }),
};
