// Saving scenarios from the editor: validate again, refuse stale versions, keep the previous
// version in a history, and swap the scenario folder so a crash never leaves a half-written one.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ContentError } from "../../shared/content/contentErrors.ts";
import { loadScenarioFromDisk, validateScenario } from "../../shared/content/loadScenarioFromDisk.ts";
import { SCENARIO_PART_FILES, getPartFileOfKey, splitScenario } from "../../shared/content/scenarioParts.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";

export type SaveOutcome =
  | { ok: true; scenario: Scenario }
  | { ok: false; code: "scenario/invalid"; message: string; errors: ContentError[] }
  | { ok: false; code: "scenario/conflict"; message: string; currentVersion: number }
  | { ok: false; code: "scenario/exists" | "scenario/not-found" | "scenario/id-mismatch"; message: string };

export interface HistoryEntry {
  version: number;
  savedAt: string;
  file: string;
}

export interface ScenarioWriterOptions {
  contentDir: string;
  dataDir: string;
  /** Test hook: runs between writing the new folder and swapping it in (a crash there must be harmless). */
  beforeSwap?: () => void;
  now?: () => Date;
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class ScenarioWriter {
  private readonly scenariosDir: string;
  private readonly historyRoot: string;
  private readonly options: ScenarioWriterOptions;

  constructor(options: ScenarioWriterOptions) {
    this.options = options;
    this.scenariosDir = join(options.contentDir, "scenarios");
    this.historyRoot = join(options.dataDir, "history");
    this.recoverInterruptedSwaps();
  }

  /** Replaces scenario `id`, which must still be at `baseVersion`; the saved copy gets the next version. */
  save(id: string, data: unknown, baseVersion: number): SaveOutcome {
    const current = this.readCurrent(id);
    if (!current) return { ok: false, code: "scenario/not-found", message: `There is no scenario "${id}" to save over.` };
    if (current.version !== baseVersion) {
      return {
        ok: false,
        code: "scenario/conflict",
        message: `Someone saved "${id}" since you opened it (you edited version ${baseVersion}; the server has version ${current.version}). Your changes are kept in the editor: reload the newer version, then apply them again.`,
        currentVersion: current.version,
      };
    }
    const checked = this.validate(data, id);
    if (!checked.ok) return checked;
    const next: Scenario = { ...checked.scenario, id, version: current.version + 1 };
    if (current.scenario) this.archive(current.scenario);
    this.writeFolder(id, next);
    return { ok: true, scenario: next };
  }

  /** Adds a new scenario (a duplicate or an import) under its own id, at version 1. */
  create(data: unknown): SaveOutcome {
    const id = typeof data === "object" && data !== null ? (data as { id?: unknown }).id : undefined;
    if (typeof id !== "string" || !ID_PATTERN.test(id)) {
      return { ok: false, code: "scenario/invalid", message: "The scenario needs an id of lower-case letters, digits and hyphens.", errors: [{ file: "scenario.json", path: "id", message: "invalid id" }] };
    }
    if (existsSync(join(this.scenariosDir, id))) return { ok: false, code: "scenario/exists", message: `A scenario with the id "${id}" already exists; choose another id.` };
    const checked = this.validate(data, id);
    if (!checked.ok) return checked;
    const scenario: Scenario = { ...checked.scenario, version: 1 };
    this.writeFolder(id, scenario);
    return { ok: true, scenario };
  }

  /** Saves an archived version as the newest one (the version it replaces goes to history too). */
  restore(id: string, version: number, baseVersion: number): SaveOutcome {
    const entry = this.listHistory(id).find((h) => h.version === version);
    if (!entry) return { ok: false, code: "scenario/not-found", message: `Version ${version} of "${id}" is not in the history.` };
    return this.save(id, JSON.parse(readFileSync(entry.file, "utf8")), baseVersion);
  }

  listHistory(id: string): HistoryEntry[] {
    if (!ID_PATTERN.test(id)) return [];
    const dir = join(this.historyRoot, id);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => /^v(\d+)-(.+)\.json$/.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ version: Number(m[1]), savedAt: m[2]!.replace(/_/g, ":"), file: join(dir, m[0]) }))
      .sort((a, b) => b.version - a.version);
  }

  readHistoryVersion(id: string, version: number): unknown {
    const entry = this.listHistory(id).find((h) => h.version === version);
    return entry ? JSON.parse(readFileSync(entry.file, "utf8")) : undefined;
  }

  /** The version on disk, and the scenario itself when the files are valid. */
  private readCurrent(id: string): { version: number; scenario?: Scenario } | undefined {
    if (!ID_PATTERN.test(id)) return undefined;
    const dir = join(this.scenariosDir, id);
    if (!existsSync(dir)) return undefined;
    const loaded = loadScenarioFromDisk(dir);
    if (loaded.ok) return { version: loaded.scenario.version, scenario: loaded.scenario };
    // A hand edit broke the files on disk: its version still counts for conflicts.
    try {
      const meta = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8")) as { version?: unknown };
      return { version: typeof meta.version === "number" ? meta.version : 0 };
    } catch {
      return { version: 0 };
    }
  }

  private validate(data: unknown, id: string): SaveOutcome {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return { ok: false, code: "scenario/invalid", message: "A scenario must be a JSON object.", errors: [{ file: "scenario.json", path: "(root)", message: "must be a JSON object" }] };
    }
    const record = data as Record<string, unknown>;
    if (record.id !== undefined && record.id !== id) {
      return { ok: false, code: "scenario/id-mismatch", message: `The scenario's id is "${String(record.id)}", not "${id}". Use "duplicate" to save it under a new id.` };
    }
    const { $schema: _ignored, ...rest } = record;
    const result = validateScenario({ ...rest, id }, (key) => getPartFileOfKey(key) ?? "scenario.json");
    if (!result.ok) {
      return { ok: false, code: "scenario/invalid", message: `The scenario has ${result.errors.length} problem(s); nothing was saved.`, errors: result.errors };
    }
    return { ok: true, scenario: result.scenario };
  }

  private archive(current: Scenario): void {
    const dir = join(this.historyRoot, current.id);
    mkdirSync(dir, { recursive: true });
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/:/g, "_");
    const file = join(dir, `v${current.version}-${stamp}.json`);
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(current, null, 2) + "\n");
    renameSync(tmp, file);
  }

  /** Writes every part into a staging folder, then swaps it in with two renames. */
  private writeFolder(id: string, scenario: Scenario): void {
    mkdirSync(this.scenariosDir, { recursive: true });
    const suffix = randomBytes(4).toString("hex");
    const staging = join(this.scenariosDir, `.staging-${id}-${suffix}`);
    const previous = join(this.scenariosDir, `.previous-${id}-${suffix}`);
    const target = join(this.scenariosDir, id);
    mkdirSync(staging);
    const parts = splitScenario(scenario as unknown as Record<string, unknown>);
    for (const file of SCENARIO_PART_FILES) writeFileSync(join(staging, file), JSON.stringify(parts[file], null, 2) + "\n");
    try {
      this.options.beforeSwap?.();
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw err;
    }
    const hadTarget = existsSync(target);
    if (hadTarget) renameSync(target, previous);
    renameSync(staging, target);
    if (hadTarget) rmSync(previous, { recursive: true, force: true });
  }

  /** After a crash between the two renames, put the previous folder back; drop stale staging folders. */
  private recoverInterruptedSwaps(): void {
    if (!existsSync(this.scenariosDir)) return;
    for (const name of readdirSync(this.scenariosDir)) {
      const previous = /^\.previous-(.+)-[0-9a-f]{8}$/.exec(name);
      if (previous) {
        const target = join(this.scenariosDir, previous[1]!);
        if (existsSync(target)) rmSync(join(this.scenariosDir, name), { recursive: true, force: true });
        else renameSync(join(this.scenariosDir, name), target);
      } else if (name.startsWith(".staging-")) {
        rmSync(join(this.scenariosDir, name), { recursive: true, force: true });
      }
    }
  }
}
