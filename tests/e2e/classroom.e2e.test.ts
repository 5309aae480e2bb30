// A real class in Chromium, the way a lesson goes: the teacher opens the README's address and presses "Create
// session" without touching a field; five students join (two phones at 360×740, one in Spanish) beside bots;
// every round is played to the debrief with the host's controls used mid-game (pause/resume, spotlight,
// hide/show again, kick, add a bot), a student skipping a proposal, a student's reload and the host's reload.
import { networkInterfaces } from "node:os";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { getNetworkInfo } from "../../server/http/networkRoutes.ts";
import { getSeriousViolations, launchBrowser } from "./support/browser.ts";
import type { Classroom } from "./support/classroom.ts";
import { PHONE, PROJECTOR, UI_WAIT, advance, createClassroom, createSessionWithDefaults, joinAsStudent, waitForPhase } from "./support/classroom.ts";
import type { TestServer } from "./support/testServer.ts";
import { startTestServer } from "./support/testServer.ts";

const LAPTOP = { width: 800, height: 900 };

let server: TestServer;
let browser: Browser;
let room: Classroom;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  room = createClassroom(browser, "classroom");
});

afterAll(async () => {
  await room?.close();
  await browser?.close();
  await server?.stop();
});

async function propose(page: Page, policyIndex: number, text: string, sent = "Your proposal is in"): Promise<void> {
  await page.locator(".policy-card").nth(policyIndex).click();
  await page.fill("form.propose textarea", text);
  await page.click("form.propose button[type=submit]");
  await page.getByText(sent).waitFor({ timeout: UI_WAIT });
}

/** All of the student's points on one policy, then "Vote". */
async function vote(page: Page, policyIndex: number, saved = "Your vote is saved."): Promise<void> {
  const plus = page.locator(".points-row .stepper:nth-of-type(2)").nth(policyIndex);
  while (await plus.isEnabled()) await plus.click();
  await page.click("form.vote button[type=submit]");
  await page.getByText(saved).or(page.locator('.session-header:not([data-phase="vote"])')).first().waitFor({ timeout: UI_WAIT });
}

async function endorseFirst(page: Page): Promise<void> {
  await page.locator("button.endorse:enabled").first().click();
  await page
    .getByText(/Endorsement counted\.|Apoyo registrado\./)
    .or(page.locator('.session-header:not([data-phase="debate"])'))
    .first()
    .waitFor({ timeout: UI_WAIT });
}

/** What a student's phone shows of their own proposal this round. */
async function getShownProposal(page: Page) {
  return {
    checked: await page.locator("form.propose input[type=radio]:checked").count(),
    sent: await page.getByText(/Your proposal is in|Tu propuesta está enviada/).count(),
    argument: await page.locator("form.propose textarea").inputValue(),
  };
}

const wallCard = (host: Page, text: string) => host.locator(".side-panel .wall .argument", { hasText: text });
const rosterRow = (host: Page, nickname: string) => host.locator(`tr.roster-row[data-player="${nickname}"]`);

describe("a class plays a whole session created with the form's defaults", () => {
  it("five students and bots play every round to the debrief while the host runs the room", { timeout: 900_000 }, async () => {
    onTestFailed(async () => {
      for (const [i, page] of browser.contexts().flatMap((c) => c.pages()).entries()) await room.shot(page, `failure-${i}`).catch(() => undefined);
    });
    const port = Number(new URL(server.url).port);

    // The teacher opens the address the README gives (localhost) and creates the session untouched.
    const host = await room.open("host", PROJECTOR);
    const code = await createSessionWithDefaults(host, `http://localhost:${port}`);

    // The lobby shows a join address phones can reach, never the host browser's own localhost.
    const lan = getNetworkInfo(networkInterfaces(), port).addresses[0];
    if (lan) {
      await expect.poll(() => host.locator(".join-url").textContent()).toBe(lan.joinBaseUrl.replace("http://", ""));
      expect(await host.locator("canvas.qr").getAttribute("aria-label")).toContain(`${lan.joinBaseUrl}/${code}`);
    } else {
      await host.locator(".join-warning").getByText("Phones cannot reach this computer").waitFor({ timeout: UI_WAIT });
    }
    expect(await host.locator(".join-url").textContent()).not.toMatch(/localhost|127\.0\.0\.1/);

    // Five students: two phones (Beto in Spanish), three laptops.
    const joinUrl = `${server.url}/join/${code}`;
    const ana = await room.open("ana", PHONE);
    const beto = await room.open("beto", PHONE);
    const cai = await room.open("cai", LAPTOP);
    const dee = await room.open("dee", LAPTOP);
    const eli = await room.open("eli", LAPTOP);
    await joinAsStudent(ana, joinUrl, "Ana");
    await joinAsStudent(beto, joinUrl, "Beto", { language: "es" });
    await joinAsStudent(cai, joinUrl, "Cai");
    await joinAsStudent(dee, joinUrl, "Dee");
    await joinAsStudent(eli, joinUrl, "Eli");
    for (const name of ["Ana", "Beto", "Cai", "Dee", "Eli"]) await rosterRow(host, name).waitFor({ timeout: UI_WAIT });
    expect(await beto.evaluate(() => document.documentElement.lang)).toBe("es");

    // Two bots fill seats from the roster.
    await host.getByLabel("Bots", { exact: true }).selectOption("2");
    await host.getByRole("button", { name: "Add bots" }).click();
    await expect.poll(() => host.locator("tr.roster-row .bot-badge").count()).toBe(2);
    expect(await getSeriousViolations(host)).toEqual([]);
    await room.shot(host, "01-lobby");
    await room.shot(ana, "01-ana-lobby");

    await host.getByRole("button", { name: /^Start/ }).click();
    const totalRounds = Number(await host.locator(".session-header").getAttribute("data-total-rounds"));
    expect(totalRounds).toBeGreaterThanOrEqual(3);

    // ── Round 1 ──
    await waitForPhase(host, "briefing", 1);
    await room.shot(host, "02-r1-briefing");
    await advance(host, "briefing");
    await waitForPhase(ana, "propose", 1);

    // Pause and Resume are one toggle that shows its state on the button and on the board.
    const pause = host.locator("button.control-pause");
    await pause.click();
    await expect.poll(() => pause.getAttribute("aria-pressed")).toBe("true");
    await host.locator(".paused-plate").getByText("Paused").waitFor({ timeout: UI_WAIT });
    await room.shot(host, "03-r1-propose-paused");
    await pause.click();
    await expect.poll(() => pause.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => host.locator(".paused-plate").isVisible()).toBe(false);

    await propose(ana, 0, "Ana: arrest the leaders, the public wants results now.");
    await waitForPhase(beto, "propose", 1);
    await propose(beto, 1, "Beto: primero policías y juzgados que funcionen.", "Tu propuesta está enviada");
    await waitForPhase(cai, "propose", 1);
    await propose(cai, 2, "Cai: treat addiction as health, not crime.");
    await waitForPhase(dee, "propose", 1);
    await propose(dee, 3, "Dee: follow the money before the guns.");
    // Eli skips this round's proposal: the projector names who the class waits for.
    await host.locator(".side-panel .waiting-for").getByText("Eli").waitFor({ timeout: UI_WAIT });
    expect(await host.locator(".side-panel .waiting-for").textContent()).not.toContain("Ana");
    await room.shot(host, "04-r1-propose");
    await room.shot(ana, "04-ana-r1-proposed");
    await advance(host, "propose");

    // Debate: spotlight one argument large, hide another and show it again.
    await waitForPhase(host, "debate", 1);
    await wallCard(host, "Ana: arrest the leaders").waitFor({ timeout: UI_WAIT });
    await wallCard(host, "Ana: arrest the leaders").getByRole("button", { name: "Spotlight" }).click();
    await host.locator(".spotlight-overlay .spotlight-text").getByText("Ana: arrest the leaders").waitFor({ timeout: UI_WAIT });
    await room.shot(host, "05-r1-debate-spotlight");
    await wallCard(host, "Cai: treat addiction").getByRole("button", { name: "Hide" }).click();
    await waitForPhase(ana, "debate", 1);
    await expect.poll(() => ana.locator(".argument", { hasText: "Cai: treat addiction" }).count()).toBe(0);
    await host.locator(".hidden-argument", { hasText: "Cai: treat addiction" }).getByRole("button", { name: "Show again" }).click();
    await wallCard(host, "Cai: treat addiction").waitFor({ timeout: UI_WAIT });
    await ana.locator(".argument", { hasText: "Cai: treat addiction" }).waitFor({ timeout: UI_WAIT });
    for (const student of [beto, cai, dee, eli]) {
      await waitForPhase(student, "debate", 1);
      await student.locator(".argument", { hasText: "Ana: arrest the leaders" }).locator("button.endorse").click();
    }
    await endorseFirst(ana);
    // Bots' arguments are marked on the phones; remember them for the debrief.
    await expect.poll(() => ana.locator(".argument[data-bot=true] .bot-badge").count()).toBe(2);
    const botTexts = await ana.locator(".argument[data-bot=true] .argument-text").allTextContents();
    await room.shot(ana, "05-ana-r1-debate");
    await advance(host, "debate");

    // Vote: every student votes; with the bots the phase ends by itself.
    await waitForPhase(ana, "vote", 1);
    await vote(ana, 0);
    await vote(beto, 1, "Tu voto está guardado.");
    await vote(cai, 2);
    await vote(dee, 3);
    await vote(eli, 0);
    await waitForPhase(host, "results", 1);
    await room.shot(host, "06-r1-results");
    await waitForPhase(ana, "results", 1);
    await room.shot(ana, "06-ana-r1-results");

    // The host reloads the projector and keeps control of the session.
    await host.reload();
    await waitForPhase(host, "results", 1);
    await expect.poll(() => host.getByRole("button", { name: /^Next phase/ }).isEnabled()).toBe(true);
    await advance(host, "results");

    // ── Round 2: nothing of round 1 is shown as sent ──
    await waitForPhase(host, "briefing", 2);
    await advance(host, "briefing");
    await waitForPhase(ana, "propose", 2);
    await waitForPhase(beto, "propose", 2);
    const fresh = { checked: 0, sent: 0, argument: "" };
    expect(await getShownProposal(ana)).toEqual(fresh);
    expect(await getShownProposal(beto)).toEqual(fresh);
    await room.shot(ana, "07-ana-r2-propose");

    // Mid-game: the host removes Dee (with a confirmation) and adds a bot, from the roster.
    await host.keyboard.press("c");
    const drawer = host.locator("#roster-drawer");
    await drawer.waitFor({ timeout: UI_WAIT });
    await drawer.getByRole("button", { name: "Remove Dee" }).click();
    const dialog = host.locator("dialog.confirm-dialog");
    await dialog.getByRole("button", { name: "Remove Dee" }).click();
    await dee.getByText("The teacher removed you from this session.").waitFor({ timeout: UI_WAIT });
    await expect.poll(() => rosterRow(host, "Dee").count()).toBe(0);
    await drawer.getByLabel("Bots", { exact: true }).selectOption("1");
    await drawer.getByRole("button", { name: "Add bots" }).click();
    await expect.poll(() => drawer.locator("tr.roster-row .bot-badge").count()).toBe(3);
    await room.shot(host, "07-r2-roster");
    await host.keyboard.press("c");
    await expect.poll(() => drawer.isVisible()).toBe(false);

    await propose(ana, 4, "Ana: this time, build the courts first.");
    await waitForPhase(eli, "propose", 2);
    await propose(eli, 0, "Eli: one more round of arrests.");
    await advance(host, "propose");

    await waitForPhase(ana, "debate", 2);
    await ana.getByText("Endorsements left: 3 of 3").waitFor({ timeout: UI_WAIT });
    expect(await ana.locator('button.endorse[aria-pressed="true"]').count()).toBe(0);
    await advance(host, "debate");

    // Round 2's vote starts empty on every phone; Cai votes, reloads, and sees the vote the server holds.
    await waitForPhase(ana, "vote", 2);
    await waitForPhase(beto, "vote", 2);
    for (const student of [ana, beto]) {
      expect(await student.locator(".pending-text").count()).toBe(1);
      expect((await student.locator(".points-value").allTextContents()).filter((v) => v !== "0")).toEqual([]);
    }
    await waitForPhase(cai, "vote", 2);
    await vote(cai, 1);
    const caiPoints = await cai.locator(".points-value").allTextContents();
    await cai.reload();
    await waitForPhase(cai, "vote", 2);
    await cai.getByText("Your vote is saved.").waitFor({ timeout: UI_WAIT });
    expect(await cai.locator(".points-value").allTextContents()).toEqual(caiPoints);
    await room.shot(cai, "08-cai-r2-vote-after-reload");
    await vote(ana, 4);
    await advance(host, "vote");
    await waitForPhase(host, "results", 2);
    await advance(host, "results");

    // ── The remaining rounds: the host moves the class on; bots keep playing ──
    for (let round = 3; round <= totalRounds; round++) {
      await waitForPhase(host, "briefing", round);
      for (const phase of ["briefing", "propose", "debate", "vote"]) {
        await waitForPhase(host, phase, round);
        await advance(host, phase);
      }
      await waitForPhase(host, "results", round);
      if (round === 3) await room.shot(host, "09-r3-results");
      await advance(host, "results");
    }

    // Debrief: everyone still seated gets there; the most endorsed places go to students, not bots.
    await waitForPhase(host, "debrief");
    for (const student of [ana, beto, cai, eli]) await waitForPhase(student, "debrief");
    const top = await ana.locator(".debrief .argument-text").allTextContents();
    expect(top).toContain("Ana: arrest the leaders, the public wants results now.");
    for (const text of botTexts) expect(top).not.toContain(text);
    expect(await getSeriousViolations(host)).toEqual([]);
    expect(await getSeriousViolations(beto)).toEqual([]);
    await room.shot(host, "10-debrief");
    await room.shot(ana, "10-ana-debrief");
    await room.shot(beto, "10-beto-debrief");

    // The teacher ends the session and has a way on.
    await host.getByRole("button", { name: /^End session/ }).click();
    await dialog.getByRole("button", { name: "End session" }).click();
    await waitForPhase(host, "ended");
    await host.locator(".ended-banner").getByRole("link", { name: "Create a new session" }).waitFor({ timeout: UI_WAIT });
    await room.shot(host, "11-ended");
    expect(room.pageErrors).toEqual([]);
  });
});
