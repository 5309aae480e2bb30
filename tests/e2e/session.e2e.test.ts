// A whole classroom session in real Chromium: host + 3 students (one phone) to the debrief, reloads, join errors, axe.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { TestServer } from "./support/testServer.ts";
import { startTestServer } from "./support/testServer.ts";
import { ARTIFACTS, getSeriousViolations, launchBrowser, screenshot } from "./support/browser.ts";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const pages: Page[] = [];

async function newPage(viewport: { width: number; height: number }, isMobile = false): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, deviceScaleFactor: 1, locale: "en-US" });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  pages.push(page);
  return page;
}

const phaseOf = (page: Page) => page.locator(".session-header").getAttribute("data-phase");

async function waitForPhase(page: Page, phase: string, timeout = 20_000): Promise<void> {
  await page.locator(`.session-header[data-phase="${phase}"]`).waitFor({ timeout });
}

const leftPhase = (page: Page, from: string, timeout: number) =>
  page
    .waitForFunction((p) => document.querySelector(".session-header")?.getAttribute("data-phase") !== p, from, { timeout })
    .then(() => true)
    .catch(() => false);

/** Lets the phase end by itself when everyone acted; otherwise the host presses N (once per try). */
async function advanceFrom(host: Page, from: string): Promise<void> {
  if (await leftPhase(host, from, 1_200)) return;
  for (let i = 0; i < 3; i++) {
    await host.keyboard.press("n");
    if (await leftPhase(host, from, 5_000)) return;
  }
  expect(await phaseOf(host)).not.toBe(from);
}

async function joinAsStudent(page: Page, code: string, nickname: string): Promise<void> {
  await page.goto(`${server.url}/join/${code}`);
  await expect.poll(() => page.locator("input[name=code]").inputValue()).toBe(code);
  await page.fill("input[name=nickname]", nickname);
  await page.click("form.join-form button[type=submit]");
  await page.locator(".role-card").waitFor();
}

/** Waits for a confirmation, or for the phase to end (the last student to act ends it at once). */
async function waitForDone(page: Page, text: string, phase: string): Promise<void> {
  await page.locator(`text=${text}`).or(page.locator(`.session-header:not([data-phase="${phase}"])`)).first().waitFor();
}

async function propose(page: Page, index: number, text: string): Promise<void> {
  await page.locator(".policy-card").nth(index).click();
  await page.fill("textarea", text);
  await page.locator("select").last().selectOption({ index: 1 });
  await page.click("form.propose button[type=submit]");
  await waitForDone(page, "Proposal sent.", "propose");
}

async function vote(page: Page, plusIndex: number): Promise<void> {
  const plus = page.locator(".points-row .stepper:nth-of-type(2)").nth(plusIndex);
  while (await plus.isEnabled()) await plus.click();
  await page.click("form.vote button[type=submit]");
  await waitForDone(page, "Vote saved.", "vote");
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

describe("browser clients", () => {
  it("the landing page has no serious accessibility violations and links host, join and edit", async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await page.goto(server.url);
    await expect.poll(() => page.locator("a[href='/host']").count()).toBe(1);
    expect(await page.locator("a[href='/editor']").count()).toBe(1);
    expect(await getSeriousViolations(page)).toEqual([]);
    await screenshot(page, "landing");
  });

  it("a host and 3 students play every round to the debrief, with reloads and join errors", async () => {
    onTestFailed(async () => {
      for (const [i, page] of pages.entries()) await screenshot(page, `failure-page-${i}`).catch(() => undefined);
    });
    const host = await newPage({ width: 1920, height: 1080 });
    await host.goto(`${server.url}/host`);
    await host.locator("form.host-form").waitFor();
    for (const phase of ["briefing", "propose", "debate", "vote", "resolve", "results"]) await host.fill(`input[name=timer-${phase}]`, "0");
    expect(await getSeriousViolations(host)).toEqual([]);
    await screenshot(host, "host-create");
    await host.click("form.host-form button[type=submit]");
    await waitForPhase(host, "lobby");
    const code = (await host.locator(".join-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[2-9A-Z]{5}$/);
    expect(new URL(host.url()).pathname).toBe(`/host/${code}`);

    const phone = await newPage({ width: 360, height: 740 }, true);
    const s2 = await newPage({ width: 800, height: 900 });
    const s3 = await newPage({ width: 800, height: 900 });

    // wrong code: error at the code field
    await phone.goto(`${server.url}/join?code=ZZZZZ`);
    await phone.fill("input[name=nickname]", "Ana");
    await phone.click("form.join-form button[type=submit]");
    await phone.getByText("No session has that code").waitFor();
    await screenshot(phone, "phone-wrong-code");

    await joinAsStudent(phone, code, "Ana");
    await joinAsStudent(s2, code, "Ben");
    // taken nickname: error with a suggestion
    await s3.goto(`${server.url}/join/${code}`);
    await s3.fill("input[name=nickname]", "ana");
    await s3.click("form.join-form button[type=submit]");
    await s3.getByText("already uses that nickname").waitFor();
    await screenshot(s3, "student-nickname-taken");
    await s3.fill("input[name=nickname]", "Cai");
    await s3.click("form.join-form button[type=submit]");
    await s3.locator(".role-card").waitFor();

    await expect.poll(() => host.locator(".player").count()).toBe(3);
    expect(await getSeriousViolations(host)).toEqual([]);
    await screenshot(host, "host-lobby");
    expect(await getSeriousViolations(phone)).toEqual([]);
    await screenshot(phone, "phone-lobby");

    await host.keyboard.press("s");
    await waitForPhase(host, "briefing");
    const totalRounds = Number(await host.locator(".session-header").getAttribute("data-total-rounds"));
    expect(totalRounds).toBeGreaterThan(0);
    const students = [phone, s2, s3];

    for (let round = 1; round <= totalRounds; round++) {
      await waitForPhase(host, "briefing");
      await host.waitForTimeout(400);
      await screenshot(host, `host-r${round}-1-briefing`);
      if (round === 1) await screenshot(phone, "phone-briefing");
      await advanceFrom(host, "briefing");

      await waitForPhase(phone, "propose");
      await propose(phone, 0, `Round ${round}: <b>cut</b> the money & arrest the leaders`);
      await propose(s2, 1, `Round ${round}: build courts and police first`);
      if (round === 1) {
        expect(await getSeriousViolations(phone)).toEqual([]);
        await screenshot(phone, "phone-propose");
      }
      await screenshot(host, `host-r${round}-2-propose`);
      await waitForPhase(s3, "propose");
      await propose(s3, 2, `Round ${round}: treat addiction as health`);
      await advanceFrom(host, "propose");

      await waitForPhase(phone, "debate");
      // text from students is shown as text, never as HTML
      await phone.getByText("<b>cut</b>", { exact: false }).first().waitFor();
      for (const page of students) {
        const endorse = page.locator("button.endorse:enabled").first();
        await endorse.click();
        await waitForDone(page, "Endorsement counted.", "debate");
      }
      await host.waitForTimeout(300);
      await screenshot(host, `host-r${round}-3-debate`);
      if (round === 1) await screenshot(phone, "phone-debate");
      await advanceFrom(host, "debate");

      await waitForPhase(phone, "vote");
      await vote(phone, 0);
      if (round === 1) {
        await screenshot(phone, "phone-vote");
        // a student reloads mid-vote and keeps seat and vote
        await vote(s2, 1);
        const before = await s2.locator(".points-value").nth(1).textContent();
        await s2.reload();
        await waitForPhase(s2, "vote").catch(async (error: unknown) => {
          await screenshot(s2, "failure-student-reload");
          throw error;
        });
        await s2.getByText("Your vote is saved.").waitFor();
        expect(await s2.locator(".points-value").nth(1).textContent()).toBe(before);
        expect(await s2.locator(".role-name").textContent()).toBeTruthy();
        await expect.poll(() => host.locator(".progress-big").textContent()).toContain("2 of 3");
      } else {
        await vote(s2, 1);
      }
      await screenshot(host, `host-r${round}-4-vote`);
      await vote(s3, 2);
      await advanceFrom(host, "vote");

      await host.locator(`.session-header[data-phase="resolve"], .session-header[data-phase="results"]`).waitFor();
      await host.waitForTimeout(1500);
      await screenshot(host, `host-r${round}-5-reveal`);
      if ((await phaseOf(host)) === "resolve") await advanceFrom(host, "resolve");
      await waitForPhase(host, "results");
      await host.waitForTimeout(1500);
      await screenshot(host, `host-r${round}-6-results`);
      if (round === 1) {
        await waitForPhase(phone, "results");
        await phone.waitForTimeout(1500);
        await screenshot(phone, "phone-results");
        await phone.screenshot({ path: `${ARTIFACTS}/phone-results-full.png`, fullPage: true });
        expect(await getSeriousViolations(phone)).toEqual([]);
        expect(await getSeriousViolations(host)).toEqual([]);
        // the host reloads and keeps control
        await host.reload();
        await waitForPhase(host, "results");
        await expect.poll(() => host.locator("button.control-advance").isEnabled()).toBe(true);
      }
      await advanceFrom(host, "results");
    }

    await waitForPhase(host, "debrief");
    await host.waitForTimeout(800);
    await screenshot(host, "host-debrief");
    await waitForPhase(phone, "debrief");
    await screenshot(phone, "phone-debrief");
    expect(await getSeriousViolations(host)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
