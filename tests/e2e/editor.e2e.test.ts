// The facilitator editor in real Chromium: edit a lever and see preview + calibration move, save, a new session uses it;
// add a policy with forms only and a student can pick it; errors at fields; drafts survive reload; conflicts; axe.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { join } from "node:path";
import { ARTIFACTS, getSeriousViolations, launchBrowser, screenshot } from "./support/browser.ts";
import type { EditorTestServer } from "./editorTestServer.ts";
import { FACILITATOR_KEY, startEditorTestServer } from "./editorTestServer.ts";

let server: EditorTestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "en-US" });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on("dialog", (d) => void d.accept());
  return page;
}

async function getScenario(): Promise<Scenario> {
  const res = await fetch(`${server.url}/api/scenarios/mexico-2006`);
  return (await res.json()) as Scenario;
}

async function openEditor(page: Page): Promise<void> {
  await page.goto(`${server.url}${server.editorPath}?scenario=mexico-2006`);
  await page.locator(".preview[data-state=ready]").waitFor({ timeout: 30_000 });
}

const previewTable = (page: Page) => page.locator(".preview-table tbody").textContent();
const calibrationValues = (page: Page) => page.locator(".calibration-table tbody").textContent();

async function saveWithKey(page: Page): Promise<string> {
  await page.fill("input[name=facilitatorKey]", FACILITATOR_KEY);
  await page.click("button[data-action=save]");
  await page.locator(".save-status[data-kind=ok], .save-status[data-kind=error]").waitFor();
  return (await page.locator(".save-status").textContent()) ?? "";
}

/** Host creates a session with no timers and starts it; returns the join code. */
async function hostSession(host: Page): Promise<string> {
  await host.goto(`${server.url}/host`);
  await host.locator("form.host-form").waitFor();
  for (const phase of ["briefing", "propose", "debate", "vote", "resolve", "results"]) await host.fill(`input[name=timer-${phase}]`, "0");
  await host.click("form.host-form button[type=submit]");
  await host.locator('.session-header[data-phase="lobby"]').waitFor();
  return (await host.locator(".join-code").textContent())?.trim() ?? "";
}

/** A student joins, the host starts and moves to propose; returns the policy cards' text. */
async function studentPolicyCards(host: Page, student: Page, code: string): Promise<string[]> {
  await student.goto(`${server.url}/join/${code}`);
  await expect.poll(() => student.locator("input[name=code]").inputValue()).toBe(code);
  await student.fill("input[name=nickname]", `Stu${Date.now() % 1000}`);
  await student.click("form.join-form button[type=submit]");
  await student.locator(".role-card").waitFor();
  await host.keyboard.press("s");
  await host.locator('.session-header[data-phase="briefing"]').waitFor();
  await host.keyboard.press("n");
  await student.locator(".policy-card").first().waitFor({ timeout: 20_000 });
  return await student.locator(".policy-card").allTextContents();
}

beforeAll(async () => {
  server = await startEditorTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("scenario editor", () => {
  it("has no serious or critical accessibility violations", async () => {
    const page = await newPage();
    await openEditor(page);
    expect(await getSeriousViolations(page)).toEqual([]);
    await screenshot(page, "editor-policies");
    await page.locator(".item summary").first().click();
    await page.click("#tab-parameters");
    expect(await getSeriousViolations(page)).toEqual([]);
    await page.click("#tab-policies");
    await screenshot(page, "editor-policy-open");
    await page.click("button.lang-button[lang=es]");
    await page.getByRole("heading", { name: "Editor de escenarios" }).waitFor();
    await page.locator(".preview[data-state=ready]").waitFor();
    expect(await page.evaluate(() => localStorage.getItem("hc.lang"))).toBe("es");
    expect(await getSeriousViolations(page)).toEqual([]);
    await screenshot(page, "editor-es");
    await page.click("button.lang-button[lang=en]");
    await page.getByRole("heading", { name: "Scenario editor" }).waitFor();
  });

  it("a facilitator changes a policy's lever and cost; the preview chart and calibration change; after saving a new session uses it", async () => {
    const before = await getScenario();
    const policy = before.policies[0]!;
    const page = await newPage();
    await openEditor(page);
    await page.selectOption("select[name=previewPath]", `policy:${policy.id}`);
    await expect.poll(() => page.locator(".chart-title").textContent()).toContain(policy.name.en);
    await page.locator(".preview[data-state=ready]").waitFor();
    const chartBefore = await previewTable(page);
    const calibrationBefore = await calibrationValues(page);

    await page.locator(".item summary").first().click();
    const strongest = Object.entries(policy.levers).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0]![0];
    const slider = page.locator(`input[name="policies[0].levers.${strongest}"]`);
    await slider.focus();
    await page.keyboard.press("Home");
    await page.fill('textarea[name="policies[0].cost.en"]', "Edited in the editor: no cost at all.");
    await expect.poll(() => previewTable(page), { timeout: 10_000 }).not.toBe(chartBefore);
    await expect.poll(() => calibrationValues(page), { timeout: 10_000 }).not.toBe(calibrationBefore);
    expect(await page.locator(".dirty-state").getAttribute("data-dirty")).toBe("true");
    await screenshot(page, "editor-lever-changed");
    await page.locator(".calibration").screenshot({ path: join(ARTIFACTS, "editor-calibration.png") });

    expect(await saveWithKey(page)).toContain("version 2");
    const after = await getScenario();
    expect(after.version).toBe(before.version + 1);
    expect(after.policies[0]!.levers[strongest as keyof typeof policy.levers]).toBeUndefined();

    const host = await newPage({ width: 1600, height: 900 });
    const student = await newPage({ width: 400, height: 800 });
    const code = await hostSession(host);
    await studentPolicyCards(host, student, code);
    // The phone shows a policy's cost in its details, one tap away.
    await student.locator(".policy-more").first().click();
    await student.locator(".policy-details").first().getByText("Edited in the editor: no cost at all.").waitFor({ timeout: 20_000 });
  });

  it("a facilitator adds a new policy with forms only, and a student can pick it in a new session", async () => {
    const page = await newPage();
    await openEditor(page);
    const count = (await getScenario()).policies.length;
    await page.click("text=Add policy");
    const p = `policies[${count}]`;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(`${p}.name.en`);
    // the empty policy is invalid: errors show at its fields and in the summary
    await expect.poll(() => page.locator(`input[name="${p}.name.en"]`).getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".error-summary").isVisible()).toBe(true);
    await screenshot(page, "editor-new-policy-errors");
    const texts: Record<string, [string, string]> = {
      name: ["Truth commission", "Comisión de la verdad"],
      summary: ["Investigate abuses and name those responsible.", "Investigar abusos y nombrar a los responsables."],
      description: ["An independent commission documents violence by all sides.", "Una comisión independiente documenta la violencia de todas las partes."],
      cost: ["About $40 million a year.", "Unos 40 millones de dólares al año."],
      "effects.immediate": ["Victims are heard.", "Las víctimas son escuchadas."],
      "effects.delayed": ["Trust in institutions slowly grows.", "La confianza en las instituciones crece lentamente."],
      "effects.hidden": ["Some officials resist and stall cases.", "Algunos funcionarios se resisten y frenan casos."],
    };
    for (const [field, [en, es]] of Object.entries(texts)) {
      await page.fill(`[name="${p}.${field}.en"]`, en);
      await page.fill(`[name="${p}.${field}.es"]`, es);
    }
    await page.fill(`input[name="${p}.costUsdMillionsPerYear"]`, "40");
    expect(await page.locator(".item summary", { hasText: "Truth commission" }).count()).toBe(1);
    await page.locator(`input[name="${p}.levers.institutions"]`).focus();
    await page.keyboard.press("End");
    await page.locator(`fieldset.checklist:has(input) >> nth=${count}`).locator("input[type=checkbox]").first().check();
    await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(false);
    await page.selectOption("select[name=previewPath]", { label: "Only “Truth commission” every round" });
    await page.locator(".preview[data-state=ready]").waitFor();
    await screenshot(page, "editor-new-policy-preview");
    expect(await saveWithKey(page)).toContain("Saved");

    const host = await newPage({ width: 1600, height: 900 });
    const student = await newPage({ width: 400, height: 800 });
    const code = await hostSession(host);
    const cards = await studentPolicyCards(host, student, code);
    expect(cards.some((c) => c.includes("Truth commission"))).toBe(true);
    await student.locator(".policy-card", { hasText: "Truth commission" }).click();
    expect(await student.locator(".policy-card", { hasText: "Truth commission" }).locator("input").isChecked()).toBe(true);
  });

  it("unsaved edits survive a reload with a notice; a stale save is refused as a conflict and the edits stay downloadable", async () => {
    const page = await newPage();
    await openEditor(page);
    await page.locator(".item summary").first().click();
    await page.fill('input[name="policies[0].name.en"]', "");
    await expect.poll(() => page.locator('input[name="policies[0].name.en"]').getAttribute("aria-invalid")).toBe("true");
    const link = page.locator('.error-list a[data-path="policies[0].name.en"]');
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("policies[0].name.en");
    await page.fill('input[name="policies[0].name.en"]', "Kingpin hunt (edited)");
    await page.reload();
    await page.locator(".preview[data-state=ready]").waitFor();
    await page.locator('[data-notice="restored"]').waitFor();
    await page.locator(".item summary").first().click();
    expect(await page.locator('input[name="policies[0].name.en"]').inputValue()).toBe("Kingpin hunt (edited)");

    // someone else saves first
    const current = await getScenario();
    const res = await fetch(`${server.url}/api/editor/scenarios/mexico-2006`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${FACILITATOR_KEY}` },
      body: JSON.stringify({ baseVersion: current.version, scenario: { ...current, tagline: { en: "Changed elsewhere", es: "Cambiado en otro lugar" } } }),
    });
    expect(res.status).toBe(200);
    expect(await saveWithKey(page)).toContain("someone saved a newer version");
    await page.locator('[data-notice="conflict"]').waitFor();
    await screenshot(page, "editor-conflict");
    const download = page.waitForEvent("download");
    await page.locator('[data-notice="conflict"] button', { hasText: "Download my edits" }).click();
    expect((await download).suggestedFilename()).toMatch(/mexico-2006-v\d+-mine\.json/);
    await page.locator('[data-notice="conflict"] button', { hasText: "Load the server's version" }).click();
    await page.locator('[data-notice="conflict-kept"]').waitFor();
    expect(await page.locator(".dirty-state").getAttribute("data-dirty")).toBe("false");

    // history lists the earlier versions and restores one
    await page.fill("input[name=facilitatorKey]", FACILITATOR_KEY);
    await page.locator(".history summary").click();
    await page.locator(".history-list li button").first().waitFor();
    expect(await page.locator(".history-list li").count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, "editor-history");
    expect(pageErrors).toEqual([]);
  });
});
