// Students' phones at 360×740 through a whole session created with the host form's defaults: round 2 starts
// clean (also after a reload), the role card folds to a chip, compact policy choices, points left in sight,
// a Spanish student keeps Spanish in an English session, plurals with 1, bots' arguments marked and kept out
// of the debrief's most endorsed. Screenshots of every phase in English and Spanish go to artifacts/phone/.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { getSeriousViolations, launchBrowser } from "./support/browser.ts";
import type { Classroom } from "./support/classroom.ts";
import { PHONE, UI_WAIT, advance, createClassroom, createSessionWithDefaults, waitForPhase } from "./support/classroom.ts";
import type { TestServer } from "./support/testServer.ts";
import { startTestServer } from "./support/testServer.ts";

const PHASE_LOBBY_ES = "Esperando el inicio";

let server: TestServer;
let browser: Browser;
let room: Classroom;
const pageErrors = () => room.pageErrors;
const shot = (page: Page, name: string) => room.shot(page, name);
const waitForRound = (page: Page, phase: string, round: number) => waitForPhase(page, phase, round);

async function joinAs(page: Page, nickname: string): Promise<void> {
  await page.fill("input[name=nickname]", nickname);
  await page.click("form.join-form button[type=submit]");
  await page.locator(".role-card").waitFor({ timeout: UI_WAIT });
}

/** Visible controls (and radio cards) in the student's main area smaller than 44 px in either direction. */
async function getSmallTapTargets(page: Page): Promise<string[]> {
  return await page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>("main button, main select, main textarea, main summary, main label.policy-card, .lang-button");
    return Array.from(targets)
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height < 44 || r.width < 44;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 30)}`);
  });
}

/** The state of a student's own choices as the screen shows them. */
async function getShownChoices(page: Page) {
  return {
    checked: await page.locator("form.propose input[type=radio]:checked").count(),
    proposalIn: await page.getByText("Your proposal is in").count(),
    submit: await page.locator("form.propose button[type=submit]").textContent(),
    argument: await page.locator("form.propose textarea").inputValue(),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  room = createClassroom(browser, "phone");
});

afterAll(async () => {
  await room?.close();
  await browser?.close();
  await server?.stop();
});

describe("students on phones", () => {
  it("play a default session at 360×740 in English and Spanish: clean new rounds, compact screens, marked bots", async () => {
    const host = await room.open("host", { width: 1280, height: 800 });
    const ana = await room.open("ana", PHONE);
    const beto = await room.open("beto", PHONE);
    onTestFailed(async () => {
      for (const [name, page] of [["host", host], ["ana", ana], ["beto", beto]] as const) await shot(page, `failure-${name}`).catch(() => undefined);
    });

    // The host creates the session without touching a field (English by default).
    const code = await createSessionWithDefaults(host, server.url);

    // Ana joins in English; alone, she reads "1 student has joined" (a plural with 1).
    await ana.goto(`${server.url}/join/${code}`);
    await ana.locator("form.join-form").waitFor();
    expect(await getSeriousViolations(ana)).toEqual([]);
    await shot(ana, "en-1-join");
    await joinAs(ana, "Ana");
    await ana.getByText("1 student has joined").waitFor({ timeout: UI_WAIT });

    // Beto picks Spanish before joining (what he typed stays): his choice wins over the English session's default.
    await beto.goto(`${server.url}/join/${code}`);
    await beto.fill("input[name=nickname]", "Beto");
    await beto.locator("button.lang-button[lang=es]").click();
    await beto.getByRole("heading", { name: "Unirse a una sesión" }).waitFor();
    expect(await beto.locator("input[name=nickname]").inputValue()).toBe("Beto");
    await shot(beto, "es-1-join");
    await beto.click("form.join-form button[type=submit]");
    await beto.locator(".role-card").waitFor({ timeout: UI_WAIT });
    await beto.getByText("Se han unido 2 estudiantes").waitFor({ timeout: UI_WAIT });
    expect(await beto.locator(".phase-name").textContent()).toBe(PHASE_LOBBY_ES);
    expect(await beto.evaluate(() => document.documentElement.lang)).toBe("es");
    await ana.getByText("2 students have joined").waitFor({ timeout: UI_WAIT });

    // Three bots of one strategy: they back the same policy, so their words must differ.
    for (let i = 0; i < 3; i++) await host.getByRole("button", { name: "Add bots" }).click();

    // Lobby: the role card is open for the first read.
    await expect.poll(() => ana.locator("details.role-card[open]").count()).toBe(1);
    expect(await getSeriousViolations(ana)).toEqual([]);
    await shot(ana, "en-2-lobby");
    await shot(beto, "es-2-lobby");

    await host.keyboard.press("s");
    await waitForPhase(ana, "briefing");
    // After the first read the role card is a one-line chip that opens on tap.
    await expect.poll(() => ana.locator("details.role-card:not([open])").count()).toBe(1);
    const chip = await ana.locator(".role-card").boundingBox();
    expect(chip?.height).toBeLessThan(60);
    await ana.locator(".role-card summary").click();
    await expect.poll(() => ana.locator("details.role-card[open]").count()).toBe(1);
    await ana.locator(".role-card summary").click();
    await expect.poll(() => ana.locator("details.role-card[open]").count()).toBe(0);
    await waitForPhase(beto, "briefing");
    await shot(ana, "en-3-briefing");
    await shot(beto, "es-3-briefing");

    await advance(host, "briefing");
    await waitForPhase(ana, "propose");
    // Propose opens at its top with the policy choices: compact (name + one line), details on tap.
    expect(await ana.evaluate(() => window.scrollY)).toBe(0);
    const choices = await ana.locator("fieldset.policy-cards").boundingBox();
    expect(choices?.height).toBeLessThan(760);
    const firstDetails = ana.locator(".policy-details").first();
    expect(await firstDetails.isVisible()).toBe(false);
    await ana.locator(".policy-more").first().click();
    await firstDetails.waitFor();
    expect(await ana.locator(".policy-more").first().getAttribute("aria-expanded")).toBe("true");
    expect((await firstDetails.textContent())?.length).toBeGreaterThan(80);
    await ana.locator(".policy-more").first().click();
    await firstDetails.waitFor({ state: "hidden" });
    expect(await getSmallTapTargets(ana)).toEqual([]);
    expect(await getSeriousViolations(ana)).toEqual([]);
    await shot(ana, "en-4-propose");

    // The counter counts what a person sees: an emoji is one character.
    await ana.locator(".policy-card").nth(0).click();
    await ana.fill("textarea", "Follow the money 👍🏽");
    await ana.getByText("18 / 280 characters").waitFor();
    // The figure picker shows the whole claim of the figure chosen.
    await ana.locator("select[name=figure]").selectOption({ index: 1 });
    const optionText = (await ana.locator("select[name=figure] option:checked").textContent()) ?? "";
    await expect.poll(() => ana.locator(".figure-claim").textContent()).toContain(optionText);
    await ana.click("form.propose button[type=submit]");
    await ana.getByText("Your proposal is in").waitFor({ timeout: UI_WAIT });
    await shot(ana, "en-4-propose-sent");

    await waitForPhase(beto, "propose");
    await beto.locator(".policy-card").nth(1).click();
    await beto.fill("textarea", "Fortalecer policías y juzgados primero.");
    await shot(beto, "es-4-propose");
    await beto.click("form.propose button[type=submit]");
    await beto.getByText("Tu propuesta está enviada").or(beto.locator('.session-header[data-phase="debate"]')).first().waitFor({ timeout: UI_WAIT });

    // Debate: every student and bot has proposed, so it opens by itself.
    await waitForPhase(ana, "debate");
    await expect.poll(() => ana.locator(".argument[data-bot=true]").count()).toBe(3);
    const botTexts = await ana.locator(".argument[data-bot=true] .argument-text").allTextContents();
    expect(new Set(botTexts).size).toBe(3);
    expect(await ana.locator(".argument[data-bot=true] .bot-badge").count()).toBe(3);
    expect(await ana.locator(".argument[data-bot=false] .bot-badge").count()).toBe(0);
    await ana.getByText("Endorsements left: 3 of 3").waitFor();
    expect(await getSeriousViolations(ana)).toEqual([]);
    await shot(ana, "en-5-debate");
    await waitForPhase(beto, "debate");
    expect(await beto.locator(".bot-badge").first().textContent()).toContain("Bot");
    await shot(beto, "es-5-debate");

    // Endorsing keeps focus on the button the student used.
    const anaArgument = beto.locator(".argument", { hasText: "Follow the money" });
    await anaArgument.locator("button.endorse").click();
    await beto.getByText("Apoyo registrado.").waitFor({ timeout: UI_WAIT });
    expect(await beto.evaluate(() => document.activeElement?.closest(".argument")?.querySelector(".argument-text")?.textContent)).toBe("Follow the money 👍🏽");
    await beto.getByText("Apoyos restantes: 2 de 3").waitFor();
    await shot(beto, "es-5-debate-endorsed");
    const botCard = ana.locator(".argument[data-bot=true]").first();
    await botCard.locator("button.endorse").click();
    await ana.getByText("Endorsement counted.").waitFor({ timeout: UI_WAIT });
    expect(await ana.evaluate(() => document.activeElement?.classList.contains("endorse"))).toBe(true);
    await ana.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => ana.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await advance(host, "debate");

    // Vote: "not voted yet" is a to-do, not a success; the points left stay in sight while scrolling.
    await waitForPhase(ana, "vote");
    // Ana had scrolled down the debate; the vote opens at its top.
    expect(await ana.evaluate(() => window.scrollY)).toBe(0);
    const notYet = ana.getByText("You have not voted yet.");
    await notYet.waitFor();
    expect(await notYet.getAttribute("class")).toContain("pending-text");
    expect(await notYet.evaluate((el) => getComputedStyle(el).color)).not.toBe("rgb(23, 105, 47)");
    await shot(ana, "en-6-vote");
    await ana.locator("form.vote button[type=submit]").scrollIntoViewIfNeeded();
    expect(await ana.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const header = await ana.locator(".session-header").boundingBox();
    const left = await ana.locator(".points-left").boundingBox();
    expect(left && header ? Math.abs(left.y - (header.y + header.height)) : 999).toBeLessThan(3);
    expect(await getSmallTapTargets(ana)).toEqual([]);
    await shot(ana, "en-6-vote-scrolled");
    const plus = ana.locator(".points-row .stepper:nth-of-type(2)").first();
    while (await plus.isEnabled()) await plus.click();
    await ana.getByText("Points left: 0 of 10").waitFor();
    await ana.click("form.vote button[type=submit]");
    await ana.getByText("Your vote is saved.").waitFor({ timeout: UI_WAIT });
    expect(await getSeriousViolations(ana)).toEqual([]);
    await waitForPhase(beto, "vote");
    await shot(beto, "es-6-vote");
    const betoPlus = beto.locator(".points-row .stepper:nth-of-type(2)").nth(1);
    while (await betoPlus.isEnabled()) await betoPlus.click();
    await beto.click("form.vote button[type=submit]");

    // Everyone voted: the reveal, then the results.
    await waitForPhase(ana, "results");
    await waitForPhase(beto, "results");
    await ana.locator(".reveal-bars").waitFor();
    expect(await getSeriousViolations(ana)).toEqual([]);
    await shot(ana, "en-7-results");
    await shot(beto, "es-7-results");
    await room.shot(ana, "en-7-results-full");
    await advance(host, "results");

    // Round 2: nothing of round 1 is shown as sent, before and after a reload.
    await waitForRound(host, "briefing", 2);
    await advance(host, "briefing");
    await waitForRound(ana, "propose", 2);
    const fresh = { checked: 0, proposalIn: 0, submit: "Send proposal", argument: "" };
    expect(await getShownChoices(ana)).toEqual(fresh);
    await ana.reload();
    await waitForRound(ana, "propose", 2);
    expect(await getShownChoices(ana)).toEqual(fresh);
    await shot(ana, "en-8-round2-propose-after-reload");
    // Ana skips this round's proposal; Beto proposes again.
    await beto.locator(".policy-card").nth(2).click();
    await beto.click("form.propose button[type=submit]");
    await beto.getByText("Tu propuesta está enviada").waitFor({ timeout: UI_WAIT });
    // After a reload the screen shows what the server holds for this round: Beto's new proposal.
    const betoChoice = await beto.locator("form.propose input[type=radio]:checked").getAttribute("value");
    await beto.reload();
    await waitForRound(beto, "propose", 2);
    await beto.getByText("Tu propuesta está enviada").waitFor({ timeout: UI_WAIT });
    expect(await beto.locator("form.propose input[type=radio]:checked").getAttribute("value")).toBe(betoChoice);
    await advance(host, "propose");
    await waitForRound(ana, "debate", 2);
    await ana.getByText("Endorsements left: 3 of 3").waitFor();
    expect(await ana.locator('button.endorse[aria-pressed="true"]').count()).toBe(0);
    await advance(host, "debate");
    await waitForRound(ana, "vote", 2);
    await waitForRound(beto, "vote", 2);
    for (const page of [ana, beto]) {
      expect(await page.locator(".pending-text").count()).toBe(1);
      const values = await page.locator(".points-value").allTextContents();
      expect(values.length).toBeGreaterThan(3);
      expect(values.filter((v) => v !== "0")).toEqual([]);
    }
    expect(await ana.getByText("Your vote is saved.").count()).toBe(0);
    await beto.reload();
    await waitForRound(beto, "vote", 2);
    await beto.getByText("Aún no has votado.").waitFor();
    expect(await beto.getByText("Tu voto está guardado.").count()).toBe(0);
    expect(await beto.getByText("Puntos restantes: 10 de 10").count()).toBe(1);
    await shot(beto, "es-8-round2-vote-after-reload");
    await advance(host, "vote");

    // The remaining rounds run on the host's key; bots keep playing.
    const totalRounds = Number(await host.locator(".session-header").getAttribute("data-total-rounds"));
    for (let round = 2; round <= totalRounds; round++) {
      if (round > 2) {
        await waitForRound(host, "briefing", round);
        for (const phase of ["briefing", "propose", "debate", "vote"]) {
          await waitForPhase(host, phase);
          await advance(host, phase);
        }
      }
      await waitForRound(host, "results", round);
      await advance(host, "results");
    }

    // Debrief: the most endorsed places go to students, never to bots.
    await waitForPhase(ana, "debrief");
    await waitForPhase(beto, "debrief");
    const top = await ana.locator(".debrief .argument-text").allTextContents();
    expect(top).toContain("Follow the money 👍🏽");
    for (const text of botTexts) expect(top).not.toContain(text);
    expect(await getSeriousViolations(ana)).toEqual([]);
    await shot(ana, "en-9-debrief");
    await shot(beto, "es-9-debrief");
    expect(pageErrors()).toEqual([]);
  });
});
