// The editor preview's Monte-Carlo in real Chromium: it runs on Web Workers, shows its progress and time, gives the same
// band, table and calibration as the main-thread fallback (workers taken away), and a stale run gives way to the new one;
// a path other than the historical one is charted before the calibration's historical seeds are all in.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import type { TestServer } from "./support/testServer.ts";
import { startTestServer } from "./support/testServer.ts";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function openEditor(options: { withoutWorkers?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  contexts.push(context);
  if (options.withoutWorkers) await context.addInitScript(() => Reflect.deleteProperty(globalThis, "Worker"));
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/editor?scenario=mexico-2006`);
  await page.locator(".preview[data-state=ready]").waitFor({ timeout: 60_000 });
  return page;
}

/** What the facilitator reads: the data table (line and band per year) and the calibration table. */
async function readPreview(page: Page): Promise<{ table: string; calibration: string }> {
  return {
    table: (await page.locator(".preview-table").textContent()) ?? "",
    calibration: (await page.locator(".calibration-table tbody").textContent()) ?? "",
  };
}

async function choose(page: Page, select: "previewSeeds" | "previewPath", value: string): Promise<void> {
  await page.selectOption(`select[name=${select}]`, value);
  await page.locator(".preview[data-state=ready]").waitFor({ timeout: 120_000 });
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("editor preview Monte-Carlo", () => {
  it("plays on Web Workers, says how long it took, and matches the main-thread fallback exactly", async () => {
    const page = await openEditor();
    const fallback = await openEditor({ withoutWorkers: true });
    for (const p of [page, fallback]) {
      await choose(p, "previewSeeds", "1000");
      await choose(p, "previewPath", "policy:kingpin-targeting");
    }
    expect(Number(await page.locator(".preview").getAttribute("data-workers"))).toBeGreaterThanOrEqual(2);
    expect(await fallback.locator(".preview").getAttribute("data-workers")).toBe("0");
    await expect.poll(() => page.locator(".preview-run").textContent()).toMatch(/^1,000 games in [\d.]+ s on \d+ parallel workers$/);
    await expect.poll(() => fallback.locator(".preview-run").textContent()).toMatch(/^1,000 games in [\d.]+ s \(this browser cannot play them in parallel\)$/);
    expect(await page.locator(".line-chart path.band").getAttribute("d")).toMatch(/^M/);
    expect(await page.locator(".calibration-table tbody tr").count()).toBeGreaterThan(3);
    expect(await readPreview(page)).toEqual(await readPreview(fallback));
    await screenshot(page, "editor-preview-workers");
    expect(pageErrors).toEqual([]);
  });

  it("shows progress while 10,000 runs play, and a change of path mid-run drops the stale run and plays the new choice", async () => {
    const page = await openEditor();
    await page.selectOption("select[name=previewSeeds]", "10000");
    await page.locator(".preview-run progress:not([hidden])").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator(".preview-run").textContent()).toMatch(/Playing 10,000 games/);
    // Change the path while the historical games are still playing: that run is dropped, the new one plays both paths.
    await page.selectOption("select[name=previewPath]", "policy:kingpin-targeting");
    // The chosen path's chart comes first, while the historical seeds for the calibration are still playing.
    await page.locator(".preview[data-chart=ready][data-state=pending]").waitFor({ timeout: 180_000 });
    expect(await page.locator("[aria-busy=true] .calibration-table").count()).toBe(1);
    await page.locator(".preview[data-state=ready]").waitFor({ timeout: 180_000 });
    expect(await page.locator(".preview").getAttribute("data-games")).toBe("20000");
    const times = await page.locator(".preview").evaluate((el: HTMLElement) => ({ chart: Number(el.dataset.chartMs), all: Number(el.dataset.computedMs) }));
    expect(times.chart).toBeGreaterThan(0);
    expect(times.chart).toBeLessThan(times.all);
    expect(await page.locator("[aria-busy=true]").count()).toBe(0);
    expect(await page.locator(".preview-run progress").isHidden()).toBe(true);
    await expect.poll(() => page.locator(".preview-run").textContent()).toMatch(/^20,000 games in [\d.]+ s on \d+ parallel workers$/);
    // Back to the historical path: its 10,000 games were just played for this scenario, so nothing is replayed.
    await choose(page, "previewPath", "historical");
    await expect.poll(() => page.locator(".preview-run").textContent()).toMatch(/already played/);
    expect(await page.locator(".chart-legend").textContent()).toMatch(/10,?000 seeds/);
    await screenshot(page, "editor-preview-10000");
    expect(pageErrors).toEqual([]);
  });
});
