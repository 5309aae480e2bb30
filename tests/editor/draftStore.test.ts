// The local draft store: unsaved edits survive a reload per scenario id and base version; saving clears them.
import { describe, expect, it } from "vitest";
import { DraftStore, getDraftKey } from "../../client/editor/draftStore.ts";
import { EditorSession } from "../../client/editor/editorSession.ts";
import { setAt } from "../../client/editor/scenarioPath.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";
import { MemoryStorage } from "./memoryStorage.ts";

const scenario = loadDefaultScenario();
const now = () => new Date("2026-11-22T10:00:00Z");

function freshSession(storage = new MemoryStorage()) {
  return { storage, session: new EditorSession(new DraftStore(storage), now) };
}

describe("draft store", () => {
  it("keeps a draft per scenario id and base version", () => {
    const store = new DraftStore(new MemoryStorage());
    store.save({ scenarioId: "a", baseVersion: 1, savedAt: "t", data: { x: 1 } });
    expect(store.load("a", 1)?.data).toEqual({ x: 1 });
    expect(store.load("a", 2)).toBeNull();
    expect(getDraftKey("a", 1)).toBe("hc.editor.draft.a@1");
  });

  it("ignores corrupt entries and works without storage", () => {
    const storage = new MemoryStorage();
    storage.setItem(getDraftKey("a", 1), "{not json");
    expect(new DraftStore(storage).load("a", 1)).toBeNull();
    expect(new DraftStore(null).save({ scenarioId: "a", baseVersion: 1, savedAt: "t", data: 1 })).toBe(false);
  });

  it("lists drafts of other versions of the same scenario as stale", () => {
    const store = new DraftStore(new MemoryStorage());
    for (const v of [1, 2, 3]) store.save({ scenarioId: "a", baseVersion: v, savedAt: "t", data: v });
    store.save({ scenarioId: "ab", baseVersion: 1, savedAt: "t", data: 0 });
    expect(store.listStale("a", 3).map((d) => d.baseVersion)).toEqual([2, 1]);
  });
});

describe("editor session", () => {
  it("restores unsaved edits after a reload (a new session on the same storage)", () => {
    const { storage, session } = freshSession();
    expect(session.open(scenario).restored).toBeNull();
    session.update(setAt(session.data, ["policies", 0, "costUsdMillionsPerYear"], 1));
    expect(session.isDirty()).toBe(true);

    const reloaded = new EditorSession(new DraftStore(storage), now);
    const { restored } = reloaded.open(scenario);
    expect(restored?.savedAt).toBe("2026-11-22T10:00:00.000Z");
    expect((reloaded.data as Scenario).policies[0]!.costUsdMillionsPerYear).toBe(1);
    expect(reloaded.isDirty()).toBe(true);
  });

  it("keeps raw JSON text that does not parse yet", () => {
    const { storage, session } = freshSession();
    session.open(scenario);
    session.update(session.data, '{"id": "mexico-2006", oops');
    const reloaded = new EditorSession(new DraftStore(storage), now);
    expect(reloaded.open(scenario).restored?.rawText).toBe('{"id": "mexico-2006", oops');
  });

  it("drops the stored draft when an edit is undone or the scenario is saved", () => {
    const { storage, session } = freshSession();
    session.open(scenario);
    const original = scenario.policies[0]!.costUsdMillionsPerYear;
    session.update(setAt(session.data, ["policies", 0, "costUsdMillionsPerYear"], original + 1));
    expect(storage.length).toBe(1);
    session.update(setAt(session.data, ["policies", 0, "costUsdMillionsPerYear"], original));
    expect(storage.length).toBe(0);
    session.update(setAt(session.data, ["policies", 0, "costUsdMillionsPerYear"], original + 2));
    session.markSaved({ ...(session.data as Scenario), version: scenario.version + 1 });
    expect(storage.length).toBe(0);
    expect(session.baseVersion).toBe(scenario.version + 1);
    expect(session.isDirty()).toBe(false);
  });

  it("offers drafts of an older version after someone saved a newer one", () => {
    const { storage, session } = freshSession();
    session.open(scenario);
    session.update(setAt(session.data, ["tagline", "en"], "mine"));
    const newer = { ...scenario, version: scenario.version + 1 };
    const reopened = new EditorSession(new DraftStore(storage), now).open(newer);
    expect(reopened.restored).toBeNull();
    expect(reopened.stale.map((d) => d.baseVersion)).toEqual([scenario.version]);
  });
});
