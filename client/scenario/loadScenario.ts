// Fetches scenario content (names, texts, figures, map) from the server's content API, once per id.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";

export interface ScenarioListing {
  id: string;
  version: number;
  title: { en: string; es: string };
}

const cache = new Map<string, Promise<Scenario>>();

export function loadScenario(id: string): Promise<Scenario> {
  let pending = cache.get(id);
  if (!pending) {
    pending = fetch(`/api/scenarios/${encodeURIComponent(id)}`).then(async (res) => {
      if (!res.ok) throw new Error(`scenario ${id}: HTTP ${res.status}`);
      return (await res.json()) as Scenario;
    });
    pending.catch(() => cache.delete(id));
    cache.set(id, pending);
  }
  return pending;
}

export async function listScenarios(): Promise<ScenarioListing[]> {
  const res = await fetch("/api/scenarios");
  if (!res.ok) throw new Error(`scenario list: HTTP ${res.status}`);
  const body = (await res.json()) as unknown;
  if (Array.isArray(body)) return body as ScenarioListing[];
  // Older server listing ({ scenarios: ids }): fetch each scenario for its title.
  const ids = (body as { scenarios?: unknown }).scenarios;
  if (!Array.isArray(ids)) return [];
  const loaded = await Promise.all(ids.filter((id): id is string => typeof id === "string").map((id) => loadScenario(id).catch(() => null)));
  return loaded.filter((s): s is Scenario => s !== null).map((s) => ({ id: s.id, version: s.version, title: s.title }));
}
