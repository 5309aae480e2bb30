// Unsaved edits kept in the browser (localStorage) per scenario id and the server version they were based on.

export interface Draft {
  scenarioId: string;
  baseVersion: number;
  /** ISO time of the last edit. */
  savedAt: string;
  /** The draft scenario as edited, valid or not. */
  data: unknown;
  /** Text of the raw JSON view when it does not parse, so nothing typed is lost. */
  rawText?: string;
}

const PREFIX = "hc.editor.draft.";

export function getDraftKey(scenarioId: string, baseVersion: number): string {
  return `${PREFIX}${scenarioId}@${baseVersion}`;
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Partial<Draft>;
  return typeof d.scenarioId === "string" && typeof d.baseVersion === "number" && typeof d.savedAt === "string" && "data" in d;
}

export class DraftStore {
  private readonly storage: Storage | null;

  constructor(storage: Storage | null) {
    this.storage = storage;
  }

  save(draft: Draft): boolean {
    try {
      this.storage?.setItem(getDraftKey(draft.scenarioId, draft.baseVersion), JSON.stringify(draft));
      return this.storage !== null;
    } catch {
      return false; // quota or private mode: the page warns before leaving instead
    }
  }

  load(scenarioId: string, baseVersion: number): Draft | null {
    try {
      const raw = this.storage?.getItem(getDraftKey(scenarioId, baseVersion));
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      return isDraft(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  remove(scenarioId: string, baseVersion: number): void {
    try {
      this.storage?.removeItem(getDraftKey(scenarioId, baseVersion));
    } catch {
      // nothing to clear
    }
  }

  /** Drafts of `scenarioId` based on another version than `baseVersion` (left over from before a newer save). */
  listStale(scenarioId: string, baseVersion: number): Draft[] {
    const found: Draft[] = [];
    if (!this.storage) return found;
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(`${PREFIX}${scenarioId}@`) || key === getDraftKey(scenarioId, baseVersion)) continue;
      const parsed = this.parse(this.storage.getItem(key));
      if (parsed && parsed.scenarioId === scenarioId) found.push(parsed);
    }
    return found.sort((a, b) => b.baseVersion - a.baseVersion);
  }

  private parse(raw: string | null): Draft | null {
    try {
      const value: unknown = raw ? JSON.parse(raw) : null;
      return isDraft(value) ? value : null;
    } catch {
      return null;
    }
  }
}
