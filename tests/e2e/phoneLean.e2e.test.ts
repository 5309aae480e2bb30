// Phones without the board engine: two students at 360×740 (English and Spanish) play a two-round session to
// the results and the debrief, which show their figures as DOM and SVG (indicators, map, ranked regions, charts
// with Mexico's replay and the recorded series, scores), pass axe, and the phones' network logs never hold the
// board engine chunk, which the projector does fetch; the results screen rebuilds in milliseconds. Screenshots go
// to artifacts/phone-lean/.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { getSeriousViolations, launchBrowser } from "./support/browser.ts";
import type { Classroom } from "./support/classroom.ts";
import { PHONE, UI_WAIT, advance, createClassroom, createSessionWithDefaults, getPhase, joinAsStudent, waitForPhase } from "./support/classroom.ts";
import { E2E_CLIENT_DIR } from "./support/clientDir.ts";
import type { TestServer } from "./support/testServer.ts";
import { startTestServer } from "./support/testServer.ts";

const ARTIFACTS = join(import.meta.dirname, "..", "..", "artifacts", "phone-lean");

let server: TestServer;
let browser: Browser;
let room: Classroom;

/** The board engine's chunk in this build: the JavaScript asset that bundles Phaser (found by content, not by a name guess). */
function findBoardEngineChunks(): string[] {
  const dir = join(E2E_CLIENT_DIR, "assets");
  return readdirSync(dir).filter((file) => {
    if (!file.endsWith(".js")) return false;
    const bytes = readFileSync(join(dir, file));
    return bytes.length > 500_000 && bytes.includes("Phaser");
  });
}

/** Every URL the page requests from now on. */
function logRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** Every WebSocket frame the page receives from now on. */
function logFramesReceived(page: Page): Buffer[] {
  const frames: Buffer[] = [];
  page.on("websocket", (ws) => ws.on("framereceived", (frame) => frames.push(Buffer.from(frame.payload))));
  return frames;
}

/** The host moves on until the session shows `phase` (a phase with nothing to show may be skipped). */
async function advanceTo(host: Page, phase: string): Promise<void> {
  for (let step = 0; step < 10; step++) {
    const now = await getPhase(host);
    if (now === phase) return;
    if (now === "resolve") await host.waitForFunction(() => document.querySelector(".session-header")?.getAttribute("data-phase") !== "resolve", null, { timeout: UI_WAIT });
    else await advance(host, now ?? "");
  }
  expect(await getPhase(host)).toBe(phase);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  room = createClassroom(browser, "phone-lean");
});

afterAll(async () => {
  await room?.close();
  await browser?.close();
  await server?.stop();
});

describe("phones without the board engine", () => {
  it("show the results and the debrief at 360×740 in English and Spanish without ever fetching the board engine", async () => {
    const engine = findBoardEngineChunks();
    // One board engine chunk in the build, or the network check below would prove nothing.
    expect(engine).toHaveLength(1);
    const engineFile = engine[0] ?? "";

    const host = await room.open("host", { width: 1280, height: 800 });
    const ana = await room.open("ana", PHONE);
    const beto = await room.open("beto", PHONE);
    const hostRequests = logRequests(host);
    const anaRequests = logRequests(ana);
    const betoRequests = logRequests(beto);
    const anaFrames = logFramesReceived(ana);
    onTestFailed(async () => {
      for (const [name, page] of [["host", host], ["ana", ana], ["beto", beto]] as const) await room.shot(page, `failure-${name}`).catch(() => undefined);
    });

    const code = await createSessionWithDefaults(host, server.url, async () => {
      await host.locator("select[name=rounds]").selectOption("2");
    });
    await joinAsStudent(ana, `${server.url}/join/${code}`, "Ana");
    await joinAsStudent(beto, `${server.url}/join/${code}`, "Beto", { language: "es" });
    await host.getByRole("button", { name: "Add bots" }).click();
    await host.keyboard.press("s");

    // Round 1: Ana argues, Beto endorses her argument, both vote.
    await advanceTo(host, "propose");
    await waitForPhase(ana, "propose");
    await ana.locator(".policy-card").nth(0).click();
    await ana.fill("textarea", "Follow the money before the kingpins.");
    await ana.click("form.propose button[type=submit]");
    await ana.getByText("Your proposal is in").waitFor({ timeout: UI_WAIT });
    await advanceTo(host, "debate");
    await waitForPhase(beto, "debate");
    await beto.locator(".argument", { hasText: "Follow the money before the kingpins." }).locator("button.endorse").click();
    await beto.getByText("Apoyo registrado.").waitFor({ timeout: UI_WAIT });
    await advanceTo(host, "vote");
    for (const [page, saved] of [[ana, "Your vote is saved."], [beto, "Tu voto está guardado."]] as const) {
      await waitForPhase(page, "vote");
      const plus = page.locator(".points-row .stepper:nth-of-type(2)").first();
      while (await plus.isEnabled()) await plus.click();
      await page.click("form.vote button[type=submit]");
      // The last vote in ends the phase at once: the reveal may replace the confirmation.
      await page.getByText(saved).or(page.locator('.session-header[data-phase="resolve"], .session-header[data-phase="results"]')).first().waitFor({ timeout: UI_WAIT });
    }

    // Results: every indicator with its change, the map as SVG with a rank per region, the ranked list, captures.
    await advanceTo(host, "results");
    for (const page of [ana, beto]) {
      await waitForPhase(page, "results", 1);
      await page.locator(".panel.results .phone-map-svg").waitFor({ timeout: UI_WAIT });
    }
    const homicides = ana.locator('.phone-meter[data-indicator="homicides"]');
    expect(await homicides.locator(".meter-value").textContent()).toMatch(/^\d{1,3}(,\d{3})+$|^\d+$/);
    expect(await homicides.locator(".meter-change").textContent()).toMatch(/^[▲▼▶] ([+−]\d|±0)/);
    expect(await ana.locator(".phone-meter").count()).toBeGreaterThanOrEqual(4);
    const regions = await ana.locator(".region-row").count();
    expect(regions).toBe(8);
    expect(await ana.locator(".phone-map-svg polygon").count()).toBe(regions);
    expect(await ana.locator(".phone-map-svg .rank-mark").count()).toBe(regions);
    expect(await ana.locator(".phone-map-svg").getAttribute("aria-label")).toMatch(/most violent is .+ with [\d,]+/);
    // The ranked list runs from most to fewest homicides.
    const ranked = (await ana.locator(".region-row .region-numbers").allTextContents()).map((text) => Number((text.match(/^([\d,]+)/)?.[1] ?? "").replace(/,/g, "")));
    expect(ranked.every((n) => n > 0)).toBe(true);
    expect([...ranked].sort((a, b) => b - a)).toEqual(ranked);
    await ana.locator(".why-list .why-line").first().waitFor();
    // The phone joined with the state's schema class: no frame carried the schema reflection (which
    // names every field; the state itself never does), the 2.1 KB a join would otherwise cost.
    expect(anaFrames.length).toBeGreaterThan(10);
    expect(anaFrames.filter((frame) => frame.includes("endorsementsPerStudent"))).toEqual([]);
    expect(await beto.locator('.phone-meter[data-indicator="homicides"] .meter-label').textContent()).toContain("Homicidios");
    expect(await beto.getByRole("heading", { name: "El país tras esta ronda" }).count()).toBe(1);
    for (const page of [ana, beto]) expect(await getSeriousViolations(page)).toEqual([]);
    await room.shot(ana, "en-results");
    await room.shot(beto, "es-results");
    await ana.screenshot({ path: join(ARTIFACTS, "en-results-full.png"), fullPage: true });
    await beto.screenshot({ path: join(ARTIFACTS, "es-results-full.png"), fullPage: true });
    // Rendering in milliseconds: a language switch rebuilds the whole results screen (DOM, SVG map and layout).
    const rebuildMs = await ana.evaluate(() => {
      const times: number[] = [];
      for (const lang of ["es", "en", "es", "en"]) {
        const start = performance.now();
        document.querySelector<HTMLButtonElement>(`button.lang-button[lang=${lang}]`)?.click();
        void document.body.offsetHeight;
        times.push(performance.now() - start);
      }
      return Math.min(...times);
    });
    console.log(`phone results screen rebuilt with layout in ${rebuildMs.toFixed(1)} ms`);
    expect(rebuildMs).toBeLessThan(100);
    await ana.getByRole("heading", { name: "Round 1 results" }).waitFor();

    // Round 2 on the host's key, then the debrief.
    await advance(host, "results");
    await waitForPhase(host, "briefing", 2);
    await advanceTo(host, "results");
    await advance(host, "results");
    for (const page of [ana, beto]) {
      await waitForPhase(page, "debrief");
      // Mexico's replay arrives by its own request: the chart shows it once it has.
      await page.locator('.phone-chart[data-indicator="homicides"] [data-series="historicalPath"]').waitFor({ timeout: UI_WAIT });
    }
    const chart = ana.locator('.phone-chart[data-indicator="homicides"]');
    expect(await chart.locator("polyline").count()).toBe(3);
    expect(await chart.locator('[data-series="observed"]').textContent()).toMatch(/Recorded \(.*INEGI.*\)/);
    expect(await chart.locator('[data-series="classPath"]').textContent()).toMatch(/^Your class: [\d,]+ in 2005, [\d,]+ in 2011$/);
    // The numbers behind the picture, one tap away: a row per year from the start to the last year played.
    await chart.locator("details.chart-numbers summary").click();
    expect(await chart.locator("table.chart-table tbody tr").count()).toBe(7);
    expect(await chart.locator("table.chart-table thead th").count()).toBe(4);
    // Every role's score against history, the student's own role first and marked.
    const scoreRows = ana.locator(".score-table tbody tr");
    expect(await scoreRows.count()).toBeGreaterThanOrEqual(3);
    expect(await scoreRows.nth(1).getAttribute("class")).toBe("own-role");
    expect(await scoreRows.nth(1).locator("td").nth(1).textContent()).toMatch(/^\d+$/);
    expect(await ana.locator(".debrief .argument-text").allTextContents()).toContain("Follow the money before the kingpins.");
    expect(await beto.locator('.phone-chart[data-indicator="homicides"] [data-series="historicalPath"]').textContent()).toContain("Las decisiones de México");
    for (const page of [ana, beto]) expect(await getSeriousViolations(page)).toEqual([]);
    await room.shot(ana, "en-debrief");
    await room.shot(beto, "es-debrief");
    await ana.screenshot({ path: join(ARTIFACTS, "en-debrief-full.png"), fullPage: true });
    await beto.screenshot({ path: join(ARTIFACTS, "es-debrief-full.png"), fullPage: true });

    // The network logs: the projector fetched the board engine, neither phone ever did.
    expect(hostRequests.some((url) => url.includes(engineFile))).toBe(true);
    expect(anaRequests.filter((url) => url.includes(engineFile))).toEqual([]);
    expect(betoRequests.filter((url) => url.includes(engineFile))).toEqual([]);
    expect(anaRequests.filter((url) => /phaser/i.test(url))).toEqual([]);
    expect(room.pageErrors).toEqual([]);
  });
});
