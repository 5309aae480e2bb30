// What a browser test of a class needs: pages for the projector and phones, the host's untouched "Create
// session", students joining, and phase waits and advances that wait for what the screen shows.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

/** Long enough for a busy 2-core machine: every wait ends as soon as the screen shows the thing. */
export const UI_WAIT = 30_000;
export const PROJECTOR = { width: 1920, height: 1080 };
export const PHONE = { width: 360, height: 740 };

export interface Classroom {
  /** A new browser context (its own storage: its own device) and page; phones are touch devices. */
  open(name: string, viewport: { width: number; height: number }): Promise<Page>;
  /** Saves a PNG of the page under artifacts/<folder>/. */
  shot(page: Page, name: string): Promise<void>;
  /** Uncaught errors of every page opened so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

export function createClassroom(browser: Browser, artifactsFolder: string): Classroom {
  const folder = join(import.meta.dirname, "..", "..", "..", "artifacts", artifactsFolder);
  mkdirSync(folder, { recursive: true });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    pageErrors,
    async open(name, viewport) {
      const isMobile = viewport.width < 500;
      const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, deviceScaleFactor: 1, locale: "en-US" });
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (e) => pageErrors.push(`${name} ${page.url()}: ${e.message}`));
      return page;
    },
    async shot(page, name) {
      await page.screenshot({ path: join(folder, `${name}.png`) });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
    },
  };
}

export const getPhase = (page: Page) => page.locator(".session-header").getAttribute("data-phase");

export async function waitForPhase(page: Page, phase: string, round?: number): Promise<void> {
  const roundFilter = round === undefined ? "" : `[data-round="${round}"]`;
  await page.locator(`.session-header[data-phase="${phase}"]${roundFilter}`).waitFor({ timeout: UI_WAIT });
}

/** The host moves the session on from `from`; the key is pressed again only if the phase did not change. */
export async function advance(host: Page, from: string): Promise<void> {
  for (let i = 0; i < 4; i++) {
    if ((await getPhase(host)) !== from) return;
    await host.keyboard.press("n");
    const moved = await host
      .waitForFunction((p) => document.querySelector(".session-header")?.getAttribute("data-phase") !== p, from, { timeout: 8_000 })
      .then(() => true)
      .catch(() => false);
    if (moved) return;
  }
  expect(await getPhase(host)).not.toBe(from);
}

/**
 * Opens /host at `baseUrl` and presses "Create session" without touching a field; resolves with the join code.
 * `onForm` runs once the untouched form shows (e.g. to take its screenshot).
 */
export async function createSessionWithDefaults(host: Page, baseUrl: string, onForm?: () => Promise<void>): Promise<string> {
  await host.goto(`${baseUrl}/host`);
  const create = host.getByRole("button", { name: "Create session" });
  if (onForm) {
    await create.waitFor({ timeout: UI_WAIT });
    await onForm();
  }
  await create.click();
  await host.waitForURL(/\/host\/[2-9A-Z]{5}$/, { timeout: UI_WAIT });
  await waitForPhase(host, "lobby");
  const code = ((await host.locator(".join-code").textContent()) ?? "").trim();
  expect(code).toMatch(/^[2-9A-Z]{5}$/);
  return code;
}

/** A student opens the join link, optionally switches language first, and joins with a nickname. */
export async function joinAsStudent(page: Page, joinUrl: string, nickname: string, options: { language?: "es" } = {}): Promise<void> {
  await page.goto(joinUrl);
  await page.locator("form.join-form").waitFor({ timeout: UI_WAIT });
  if (options.language) await page.locator(`button.lang-button[lang=${options.language}]`).click();
  await page.fill("input[name=nickname]", nickname);
  await page.click("form.join-form button[type=submit]");
  await page.locator(".role-card").waitFor({ timeout: UI_WAIT });
}
