// Loads scenarios from the content folder on demand, keeping the last good version of each:
// a broken edit is reported and the previous content keeps serving.
import { statSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { listScenarioDirs, loadScenarioFromDisk } from "../shared/content/loadScenarioFromDisk.ts";
import type { ContentError } from "../shared/content/contentErrors.ts";
import { formatContentError } from "../shared/content/contentErrors.ts";
import type { Scenario } from "../shared/content/scenarioSchema.ts";

interface Entry {
  scenario: Scenario;
  stamp: number;
}

export class ScenarioStore {
  private readonly contentDir: string;
  private readonly cache = new Map<string, Entry>();
  private readonly log: (message: string) => void;

  constructor(contentDir: string, log: (message: string) => void = (m) => console.warn(m)) {
    this.contentDir = contentDir;
    this.log = log;
  }

  listIds(): string[] {
    return listScenarioDirs(this.contentDir).map((dir) => basename(dir));
  }

  /** The scenario, reloaded when its files changed; null when it never loaded. */
  get(id: string): Scenario | null {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return null;
    const dir = join(this.contentDir, "scenarios", id);
    const stamp = this.getStamp(dir);
    if (stamp === null) return this.cache.get(id)?.scenario ?? null;
    const cached = this.cache.get(id);
    if (cached && cached.stamp === stamp) return cached.scenario;
    const result = loadScenarioFromDisk(dir);
    if (result.ok) {
      this.cache.set(id, { scenario: result.scenario, stamp });
      return result.scenario;
    }
    this.report(id, result.errors);
    if (cached) cached.stamp = stamp;
    return cached?.scenario ?? null;
  }

  /** Forgets the stamp so the next `get` reloads (after the editor saved the scenario). */
  invalidate(id: string): void {
    const cached = this.cache.get(id);
    if (cached) cached.stamp = -1;
  }

  private report(id: string, errors: ContentError[]): void {
    this.log(`Scenario "${id}" has errors; ${this.cache.has(id) ? "keeping the last good version" : "it cannot be played"}:\n` + errors.map((e) => `  ${formatContentError(e)}`).join("\n"));
  }

  private getStamp(dir: string): number | null {
    try {
      let stamp = 0;
      for (const file of readdirSync(dir)) stamp = Math.max(stamp, statSync(join(dir, file)).mtimeMs);
      return stamp;
    } catch {
      return null;
    }
  }
}
