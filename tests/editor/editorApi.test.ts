// The editor's save API: facilitator key, validation with paths, atomic writes, conflicts,
// history and restore, and hot reload of what new sessions load.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadScenarioFromDisk } from "../../shared/content/loadScenarioFromDisk.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { createEditorRouter } from "../../server/editor/editorRoutes.ts";
import { loadFacilitatorKey } from "../../server/editor/facilitatorKey.ts";
import { ScenarioWriter } from "../../server/editor/scenarioWriter.ts";
import { ScenarioStore } from "../../server/scenarioStore.ts";
import { DEFAULT_SCENARIO_DIR } from "../support/defaultScenario.ts";

const KEY = "test-facilitator-key-123";
const ID = "mexico-2006";

interface Harness {
  url: string;
  contentDir: string;
  dataDir: string;
  store: ScenarioStore;
  server: Server;
}

let h: Harness;

async function start(writerOptions: { beforeSwap?: () => void } = {}): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), "editor-"));
  const contentDir = join(root, "content");
  const dataDir = join(root, "data");
  cpSync(DEFAULT_SCENARIO_DIR, join(contentDir, "scenarios", ID), { recursive: true });
  const store = new ScenarioStore(contentDir, () => {});
  const writer = new ScenarioWriter({ contentDir, dataDir, ...writerOptions });
  const app = express();
  app.use("/api/editor", createEditorRouter({ writer, facilitatorKey: KEY, onSaved: () => {} }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/editor`, contentDir, dataDir, store, server };
}

function call(path: string, init: { method?: string; body?: unknown; key?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.key !== null) headers.authorization = `Bearer ${init.key ?? KEY}`;
  return fetch(h.url + path, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

function current(): Scenario {
  const loaded = loadScenarioFromDisk(join(h.contentDir, "scenarios", ID));
  if (!loaded.ok) throw new Error("scenario on disk is invalid");
  return loaded.scenario;
}

function withFirstPolicyCost(s: Scenario, cost: number): Scenario {
  return { ...s, policies: s.policies.map((p, i) => (i === 0 ? { ...p, costUsdMillionsPerYear: cost } : p)) };
}

beforeEach(async () => {
  h = await start();
});
afterEach(() => {
  h.server.close();
});

describe("editor API: the facilitator key", () => {
  it("refuses a save without a key", async () => {
    const res = await call(`/scenarios/${ID}`, { method: "PUT", key: null, body: { baseVersion: 1, scenario: current() } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "auth/no-key" });
    expect(current().version).toBe(1);
  });

  it("refuses a save with a wrong key", async () => {
    const res = await call(`/scenarios/${ID}`, { method: "PUT", key: "wrong-key-wrong-key", body: { baseVersion: 1, scenario: current() } });
    expect(res.status).toBe(403);
    expect(current().version).toBe(1);
  });

  it("is generated once, stored in the data folder and reused", () => {
    const dir = mkdtempSync(join(tmpdir(), "key-"));
    const first = loadFacilitatorKey(dir, undefined);
    expect(first.origin).toBe("generated");
    expect(first.key.length).toBeGreaterThanOrEqual(20);
    expect(loadFacilitatorKey(dir, undefined)).toMatchObject({ key: first.key, origin: "data-folder" });
    expect(loadFacilitatorKey(dir, "from-the-environment")).toMatchObject({ key: "from-the-environment", origin: "environment" });
  });
});

describe("editor API: saving", () => {
  it("saves a valid change as the next version, which new loads see at once", async () => {
    expect(h.store.get(ID)!.policies[0]!.costUsdMillionsPerYear).not.toBe(999);
    const res = await call(`/scenarios/${ID}`, { method: "PUT", body: { baseVersion: 1, scenario: withFirstPolicyCost(current(), 999) } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: ID, version: 2 });
    expect(current().version).toBe(2);
    expect(h.store.get(ID)!.policies[0]!.costUsdMillionsPerYear).toBe(999);
  });

  it("refuses an invalid scenario with path-level errors and changes nothing", async () => {
    const broken = { ...current(), policies: current().policies.map((p, i) => (i === 1 ? { ...p, figures: ["no-such-figure"] } : p)) };
    const before = readFileSync(join(h.contentDir, "scenarios", ID, "policies.json"), "utf8");
    const res = await call(`/scenarios/${ID}`, { method: "PUT", body: { baseVersion: 1, scenario: broken } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: { file: string; path: string; message: string }[] };
    expect(body.code).toBe("scenario/invalid");
    expect(body.errors).toContainEqual({ file: "policies.json", path: "policies[1].figures[0]", message: 'unknown figure id "no-such-figure"' });
    expect(readFileSync(join(h.contentDir, "scenarios", ID, "policies.json"), "utf8")).toBe(before);
  });

  it("refuses a second save from the same version: the conflict is reported and nothing is lost", async () => {
    const base = current();
    expect((await call(`/scenarios/${ID}`, { method: "PUT", body: { baseVersion: 1, scenario: withFirstPolicyCost(base, 111) } })).status).toBe(200);
    const res = await call(`/scenarios/${ID}`, { method: "PUT", body: { baseVersion: 1, scenario: withFirstPolicyCost(base, 222) } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "scenario/conflict", currentVersion: 2 });
    expect(current().policies[0]!.costUsdMillionsPerYear).toBe(111);
  });

  it("an interrupted write leaves the old scenario intact and readable", async () => {
    h.server.close();
    h = await start({
      beforeSwap: () => {
        throw new Error("disk unplugged");
      },
    });
    const res = await call(`/scenarios/${ID}`, { method: "PUT", body: { baseVersion: 1, scenario: withFirstPolicyCost(current(), 5) } });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: "server/write-failed" });
    expect(current().version).toBe(1);
    expect(current().policies[0]!.costUsdMillionsPerYear).not.toBe(5);
    expect(readdirSync(join(h.contentDir, "scenarios"))).toEqual([ID]);
  });

  it("a crash between the two renames is repaired when the server starts again", () => {
    const scenarios = join(h.contentDir, "scenarios");
    cpSync(join(scenarios, ID), join(scenarios, `.previous-${ID}-0badc0de`), { recursive: true });
    rmSync(join(scenarios, ID), { recursive: true });
    new ScenarioWriter({ contentDir: h.contentDir, dataDir: h.dataDir });
    expect(existsSync(join(scenarios, ID, "scenario.json"))).toBe(true);
    expect(readdirSync(scenarios)).toEqual([ID]);
  });
});

describe("editor API: new scenarios, history and restore", () => {
  it("creates a duplicate under a new id, and refuses an id that exists", async () => {
    const copy = { ...current(), id: "mexico-copy" };
    const res = await call("/scenarios", { method: "POST", body: { scenario: copy } });
    expect(res.status).toBe(201);
    expect(h.store.listIds()).toEqual(["mexico-2006", "mexico-copy"]);
    expect((await call("/scenarios", { method: "POST", body: { scenario: copy } })).status).toBe(409);
  });

  it("keeps every replaced version with a timestamp and restores one as the newest version", async () => {
    const base = current();
    await call(`/scenarios/${ID}`, { method: "PUT", body: { baseVersion: 1, scenario: withFirstPolicyCost(base, 101) } });
    await call(`/scenarios/${ID}`, { method: "PUT", body: { baseVersion: 2, scenario: withFirstPolicyCost(base, 102) } });
    const history = (await (await call(`/scenarios/${ID}/history`)).json()) as { version: number; savedAt: string }[];
    expect(history.map((e) => e.version)).toEqual([2, 1]);
    expect(Number.isNaN(Date.parse(history[0]!.savedAt))).toBe(false);
    const v1 = (await (await call(`/scenarios/${ID}/history/1`)).json()) as Scenario;
    expect(v1.policies[0]!.costUsdMillionsPerYear).toBe(base.policies[0]!.costUsdMillionsPerYear);

    const res = await call(`/scenarios/${ID}/restore`, { method: "POST", body: { version: 1, baseVersion: 3 } });
    expect(res.status).toBe(200);
    expect(current()).toMatchObject({ version: 4 });
    expect(current().policies[0]!.costUsdMillionsPerYear).toBe(base.policies[0]!.costUsdMillionsPerYear);
  });
});

describe("hand-edited files", () => {
  it("an invalid file on disk keeps the last good version serving", async () => {
    const good = h.store.get(ID)!;
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(h.contentDir, "scenarios", ID, "roles.json"), "{ \"roles\": [ broken");
    expect(h.store.get(ID)).toBe(good);
  });
});
