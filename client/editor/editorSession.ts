// The scenario being edited: the server's version it is based on, the draft (valid or not), and its copy in the browser.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Draft, DraftStore } from "./draftStore.ts";

export interface OpenResult {
  /** A draft of this very version found in the browser and taken up again. */
  restored: Draft | null;
  /** Drafts of older versions (saved over since): offered for download. */
  stale: Draft[];
}

export class EditorSession {
  scenarioId = "";
  baseVersion = 0;
  /** The draft as the facilitator left it; may be invalid. */
  data: unknown = null;
  /** Raw JSON text that does not parse yet (kept so nothing typed is lost). */
  rawText: string | null = null;
  private baseJson = "null";
  private readonly store: DraftStore;
  private readonly now: () => Date;

  constructor(store: DraftStore, now: () => Date = () => new Date()) {
    this.store = store;
    this.now = now;
  }

  /** Starts editing a server scenario, taking up an unsaved draft of the same version if there is one. */
  open(scenario: Scenario): OpenResult {
    this.scenarioId = scenario.id;
    this.baseVersion = scenario.version;
    this.baseJson = JSON.stringify(scenario);
    const restored = this.store.load(scenario.id, scenario.version);
    this.data = restored ? restored.data : structuredClone(scenario);
    this.rawText = restored?.rawText ?? null;
    if (restored && !this.isDirty()) {
      this.store.remove(scenario.id, scenario.version);
      return { restored: null, stale: this.store.listStale(scenario.id, scenario.version) };
    }
    return { restored, stale: this.store.listStale(scenario.id, scenario.version) };
  }

  isDirty(): boolean {
    return this.rawText !== null || JSON.stringify(this.data) !== this.baseJson;
  }

  /** The scenario as the server has it (for "discard my changes"). */
  getBase(): Scenario {
    return JSON.parse(this.baseJson) as Scenario;
  }

  /** Records an edit and keeps it in the browser (or clears the stored draft when the edit undoes every change). */
  update(data: unknown, rawText: string | null = null): void {
    this.data = data;
    this.rawText = rawText;
    this.persist();
  }

  persist(): boolean {
    if (!this.scenarioId) return false;
    if (!this.isDirty()) {
      this.store.remove(this.scenarioId, this.baseVersion);
      return true;
    }
    const draft: Draft = { scenarioId: this.scenarioId, baseVersion: this.baseVersion, savedAt: this.now().toISOString(), data: this.data };
    if (this.rawText !== null) draft.rawText = this.rawText;
    return this.store.save(draft);
  }

  /** After a successful save: the saved scenario becomes the base and the stored draft is dropped. */
  markSaved(saved: Scenario): void {
    this.store.remove(this.scenarioId, this.baseVersion);
    this.scenarioId = saved.id;
    this.baseVersion = saved.version;
    this.baseJson = JSON.stringify(saved);
    this.data = structuredClone(saved);
    this.rawText = null;
  }

  discardStale(draft: Draft): void {
    this.store.remove(draft.scenarioId, draft.baseVersion);
  }
}
