// The teacher's projector in real Chromium: untouched defaults create a session, the join URL phones can reach, and the host runs the room in every phase.
import { networkInterfaces } from "node:os";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getNetworkInfo } from "../../server/http/networkRoutes.ts";
import type { NetworkInfo } from "../../shared/protocol/network.ts";
import type { OwnSeat, SessionStateView, Welcome } from "../../shared/protocol/index.ts";
import { KICKED_CLOSE_CODE, OWN_SEAT_MESSAGE } from "../../shared/protocol/index.ts";
import { getSeriousViolations, launchBrowser } from "./support/browser.ts";
import type { Classroom } from "./support/classroom.ts";
import { PROJECTOR, UI_WAIT, createClassroom, createSessionWithDefaults, waitForPhase } from "./support/classroom.ts";
import type { TestServer } from "./support/testServer.ts";
import { startTestServer } from "./support/testServer.ts";

let server: TestServer;
let browser: Browser;
let classroom: Classroom;
const students: Room<unknown, SessionStateView>[] = [];
const hostPage = (viewport = PROJECTOR) => classroom.open("host", viewport);
const shot = (page: Page, name: string) => classroom.shot(page, name);
const createWithDefaults = (page: Page, screenshotAs?: string) =>
  createSessionWithDefaults(page, server.url, screenshotAs ? () => shot(page, screenshotAs) : undefined);

/** A student's phone, as a real SDK client (the phone's own screens are tested in the session suite). */
async function joinStudent(code: string, nickname: string): Promise<{ room: Room<unknown, SessionStateView>; welcome: Welcome; ownSeat: () => OwnSeat | null }> {
  const client = new Client(server.url);
  const room = await client.joinById<SessionStateView>(code, { as: "student", nickname, deviceToken: `host-e2e-${nickname}-${Date.now()}-device` });
  students.push(room);
  // A student's own seat is not in their synced state: it comes by its own message.
  let seat: OwnSeat | null = null;
  room.onMessage(OWN_SEAT_MESSAGE, (message: OwnSeat) => (seat = message));
  const welcome = (await room.request("welcome", {})) as Welcome;
  return { room, welcome, ownSeat: () => seat };
}

function argumentTexts(room: Room<unknown, SessionStateView>): string[] {
  const texts: string[] = [];
  room.state.arguments?.forEach((a) => texts.push(a.text));
  return texts;
}

const phaseIs = (page: Page, phase: string) => waitForPhase(page, phase);
const row = (page: Page, nickname: string) => page.locator(`tr.roster-row[data-player="${nickname}"]`);

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  classroom = createClassroom(browser, "host");
});

afterAll(async () => {
  // Not awaited: a kicked student's room is already closed, and stopping the server closes the rest.
  for (const room of students) void room.leave().catch(() => undefined);
  await classroom?.close();
  await browser?.close();
  await server?.stop();
});

describe("host: creating a session and showing how to join", () => {
  it("'Create session' with every field untouched reaches the lobby, and the join URL and QR use an address phones can reach", async () => {
    const page = await hostPage();
    await createWithDefaults(page, "create-form-1920");
    const port = Number(new URL(server.url).port);
    const expected = getNetworkInfo(networkInterfaces(), port);
    const url = page.locator(".join-url");
    if (expected.addresses.length > 0) {
      const lan = expected.addresses[0]?.joinBaseUrl.replace("http://", "") ?? "";
      await expect.poll(() => url.textContent(), { timeout: UI_WAIT }).toBe(lan);
      expect(await url.textContent()).not.toContain("127.0.0.1");
      expect(await page.locator("canvas.qr").getAttribute("aria-label")).toContain(`http://${lan}/`);
      expect(await page.locator(".join-warning").isVisible()).toBe(false);
    } else {
      await page.locator(".join-warning").getByText("Phones cannot reach this computer").waitFor({ timeout: UI_WAIT });
    }
    expect(await getSeriousViolations(page)).toEqual([]);
    await shot(page, "lobby-empty-1920");
  });

  it("warns when the server has only loopback, and lets the host pick among several interfaces", async () => {
    const port = Number(new URL(server.url).port);
    const stub = (info: NetworkInfo) => async (page: Page) =>
      page.route("**/api/network", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(info) }));

    const lonely = await hostPage({ width: 1280, height: 720 });
    await stub({ port, addresses: [], loopbackOnly: true })(lonely);
    await createWithDefaults(lonely, "create-form-1280");
    await lonely.locator(".join-warning").getByText("Phones cannot reach this computer").waitFor({ timeout: UI_WAIT });
    expect(await lonely.locator(".join-address-picker").isVisible()).toBe(false);
    expect(await lonely.locator("canvas.qr").isVisible()).toBe(false);
    await shot(lonely, "lobby-loopback-only-1280");

    const wired = await hostPage({ width: 1280, height: 720 });
    const addresses = [
      { interfaceName: "wlan0", family: "IPv4" as const, address: "192.168.50.20", joinBaseUrl: `http://192.168.50.20:${port}/join` },
      { interfaceName: "eth1", family: "IPv4" as const, address: "10.1.2.3", joinBaseUrl: `http://10.1.2.3:${port}/join` },
    ];
    await stub({ port, addresses, loopbackOnly: false })(wired);
    const code = await createWithDefaults(wired);
    const url = wired.locator(".join-url");
    await expect.poll(() => url.textContent(), { timeout: UI_WAIT }).toBe(`192.168.50.20:${port}/join`);
    expect(await wired.locator(".join-warning").isVisible()).toBe(false);
    await wired.getByLabel("Network address shown to the class").selectOption({ label: "10.1.2.3 (eth1)" });
    await expect.poll(() => url.textContent()).toBe(`10.1.2.3:${port}/join`);
    expect(await wired.locator("canvas.qr").getAttribute("aria-label")).toContain(`http://10.1.2.3:${port}/join/${code}`);
    await shot(wired, "lobby-two-interfaces-1280");
  });
});

describe("host: running the room in every phase", () => {
  it("roster with names and steps, bots added and removed, pause toggle, spotlight overlay, hide and show again, kick, end and a way on", async () => {
    const page = await hostPage();
    const code = await createWithDefaults(page);
    const ana = await joinStudent(code, "Ana");
    const ben = await joinStudent(code, "Ben");
    let benLeftWith = 0;
    ben.room.onLeave((c) => {
      benLeftWith = c;
    });

    // Lobby roster: names, roles, connection; bots added, then one removed by name.
    await row(page, "Ana").waitFor({ timeout: UI_WAIT });
    await row(page, "Ben").waitFor();
    await expect.poll(() => row(page, "Ana").locator(".roster-connection").textContent()).toContain("connected");
    // Reassign a role from the roster: the server (and so the student's phone) gets it.
    const anaRole = page.getByLabel("Role of Ana");
    const current = await anaRole.inputValue();
    const other = (await anaRole.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== current) ?? "";
    await anaRole.selectOption(other);
    await expect.poll(() => ana.ownSeat()?.roleId, { timeout: UI_WAIT }).toBe(other);
    await page.getByLabel("Bots", { exact: true }).selectOption("2");
    await page.getByRole("button", { name: "Add bots" }).click();
    await expect.poll(() => page.locator("tr.roster-row .bot-badge").count(), { timeout: UI_WAIT }).toBe(2);
    const firstBot = (await page.locator("tr.roster-row:has(.bot-badge)").first().getAttribute("data-player")) ?? "";
    await page.getByRole("button", { name: `Remove bot ${firstBot}` }).click();
    await expect.poll(() => page.locator("tr.roster-row .bot-badge").count(), { timeout: UI_WAIT }).toBe(1);
    await expect.poll(() => page.locator(".roster-count").textContent()).toBe("Students: 2 · Bots: 1 · Away: 0");
    expect(await getSeriousViolations(page)).toEqual([]);
    await shot(page, "lobby-roster-1920");
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, "lobby-roster-1280");
    await page.setViewportSize({ width: 1920, height: 1080 });

    await page.getByRole("button", { name: /^Start/ }).click();
    await phaseIs(page, "briefing");
    await page.getByRole("button", { name: /^Next phase/ }).click();
    await phaseIs(page, "propose");

    // Pause is one toggle that shows its state, on the button and on the board.
    const pause = page.locator("button.control-pause");
    await expect.poll(() => pause.getAttribute("aria-pressed"), { timeout: UI_WAIT }).toBe("false");
    await pause.click();
    await expect.poll(() => pause.getAttribute("aria-pressed"), { timeout: UI_WAIT }).toBe("true");
    expect(await pause.textContent()).toContain("Paused");
    await page.locator(".paused-plate").getByText("Paused").waitFor();

    // The roster drawer names who has proposed and who the class waits for.
    const policies = await page.evaluate(async (id) => ((await (await fetch(`/api/scenarios/${id}`)).json()) as { policies: { id: string }[] }).policies.map((p) => p.id), "mexico-2006");
    await ana.room.request("propose", { policyId: policies[0] ?? "", argument: "Follow the money: freeze the cartels' accounts before arresting anyone." });
    await page.getByRole("button", { name: /^Class \(3\)/ }).click();
    const drawer = page.locator("#roster-drawer");
    await drawer.waitFor();
    await expect.poll(() => row(page, "Ana").locator("td").nth(2).textContent(), { timeout: UI_WAIT }).toContain("proposed");
    expect(await row(page, "Ben").locator("td").nth(2).textContent()).toContain("not yet");
    await page.locator(".side-panel .waiting-for").getByText("Ben").waitFor({ timeout: UI_WAIT });
    expect(await page.locator(".side-panel .waiting-for").textContent()).not.toContain("Ana");
    expect(await getSeriousViolations(page)).toEqual([]);
    await shot(page, "propose-roster-drawer-1920");
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, "propose-roster-drawer-1280");
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole("button", { name: "Close" }).click();
    await shot(page, "propose-paused-1920");
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, "propose-paused-1280");
    await page.setViewportSize({ width: 1920, height: 1080 });
    await pause.click();
    await expect.poll(() => pause.getAttribute("aria-pressed"), { timeout: UI_WAIT }).toBe("false");
    expect(await page.locator(".paused-plate").isVisible()).toBe(false);

    await ben.room.request("propose", { policyId: policies[1] ?? "", argument: "Build courts and police first; arrests without trials only split the groups." });
    // Everyone (bots too) has proposed: the phase ends by itself.
    await phaseIs(page, "debate");
    await pause.click();
    await expect.poll(() => pause.getAttribute("aria-pressed"), { timeout: UI_WAIT }).toBe("true");

    // Bot arguments are marked on the wall.
    await page.locator(".side-panel .argument.by-bot .bot-badge").first().waitFor({ timeout: UI_WAIT });
    const wallCard = (text: string) => page.locator(".side-panel .wall .argument", { hasText: text });
    await wallCard("Follow the money").waitFor();
    expect(await wallCard("Follow the money").locator(".bot-badge").count()).toBe(0);

    // Spotlight: the argument is shown large above the board.
    await wallCard("Follow the money").getByRole("button", { name: "Spotlight" }).click();
    const overlay = page.locator(".spotlight-overlay");
    await overlay.getByText("Follow the money: freeze the cartels' accounts").waitFor({ timeout: UI_WAIT });
    expect(await overlay.evaluate((el) => parseFloat(getComputedStyle(el.querySelector(".spotlight-text") as Element).fontSize))).toBeGreaterThanOrEqual(30);
    await shot(page, "debate-spotlight-1920");
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, "debate-spotlight-1280");
    await page.setViewportSize({ width: 1920, height: 1080 });

    // Hide an argument: it leaves the wall (and the phones), and can be shown again.
    await wallCard("Build courts and police first").getByRole("button", { name: "Hide" }).click();
    await expect.poll(() => wallCard("Build courts and police first").count(), { timeout: UI_WAIT }).toBe(0);
    await expect.poll(() => argumentTexts(ana.room).some((text) => text.startsWith("Build courts")), { timeout: UI_WAIT }).toBe(false);
    const hidden = page.locator(".hidden-argument", { hasText: "Build courts and police first" });
    await hidden.waitFor();
    await shot(page, "debate-hidden-1920");
    await hidden.getByRole("button", { name: "Show again" }).click();
    await wallCard("Build courts and police first").waitFor({ timeout: UI_WAIT });
    await expect.poll(() => page.locator(".hidden-argument").count()).toBe(0);
    await expect.poll(() => argumentTexts(ana.room).some((text) => text.startsWith("Build courts")), { timeout: UI_WAIT }).toBe(true);

    // Mid-game: add a bot and remove a student (with a confirmation), from the roster drawer.
    await page.keyboard.press("c");
    await drawer.waitFor();
    await drawer.getByLabel("Bots", { exact: true }).selectOption("1");
    await drawer.getByRole("button", { name: "Add bots" }).click();
    await expect.poll(() => drawer.locator("tr.roster-row .bot-badge").count(), { timeout: UI_WAIT }).toBe(2);
    await drawer.getByRole("button", { name: "Remove Ben" }).click();
    const dialog = page.locator("dialog.confirm-dialog");
    await dialog.getByText("Remove Ben from the session?").waitFor();
    expect(await getSeriousViolations(page)).toEqual([]);
    await shot(page, "debate-kick-dialog-1920");
    await dialog.getByRole("button", { name: "Remove Ben" }).click();
    await expect.poll(() => row(page, "Ben").count(), { timeout: UI_WAIT }).toBe(0);
    await expect.poll(() => benLeftWith, { timeout: UI_WAIT }).toBe(KICKED_CLOSE_CODE);
    // By default a removed student's argument stays on the wall.
    expect(await wallCard("Build courts and police first").count()).toBe(1);
    await expect.poll(() => page.locator(".roster-count").first().textContent()).toContain("Students: 1");
    await page.keyboard.press("c");
    await expect.poll(() => drawer.isVisible()).toBe(false);

    // End the session: a clear ended screen and a way on.
    await page.getByRole("button", { name: /^End session/ }).click();
    await dialog.getByRole("button", { name: "End session" }).click();
    await phaseIs(page, "ended");
    const ended = page.locator(".ended-banner");
    await ended.getByText("Session ended").waitFor();
    expect(await getSeriousViolations(page)).toEqual([]);
    await shot(page, "ended-1920");
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, "ended-1280");
    expect(await ended.getByRole("link", { name: "Open the session report" }).getAttribute("href")).toBe(`/report/${code}`);
    await ended.getByRole("link", { name: "Create a new session" }).click();
    await page.getByRole("button", { name: "Create session" }).waitFor({ timeout: UI_WAIT });
    expect(classroom.pageErrors).toEqual([]);
  });
});

describe("host: the projector board through a whole session", () => {
  it("plays every round to the debrief with bots, keeping the board and panels readable at 1920×1080 and 1280×720", async () => {
    const page = await hostPage();
    await createWithDefaults(page);
    await page.getByLabel("Bots", { exact: true }).selectOption("5");
    await page.getByRole("button", { name: "Add bots" }).click();
    await expect.poll(() => page.locator("tr.roster-row .bot-badge").count(), { timeout: UI_WAIT }).toBe(5);
    await page.getByRole("button", { name: /^Start/ }).click();
    await phaseIs(page, "briefing");
    const total = Number(await page.locator(".session-header").getAttribute("data-total-rounds"));
    const header = page.locator(".session-header");
    const both = async (name: string) => {
      // Phaser is loaded lazily: the screenshots are of the drawn board, not of its empty frame.
      await page.locator(".board canvas").waitFor({ timeout: UI_WAIT });
      await shot(page, `${name}-1920`);
      await page.setViewportSize({ width: 1280, height: 720 });
      await shot(page, `${name}-1280`);
      await page.setViewportSize({ width: 1920, height: 1080 });
    };
    for (let round = 1; round <= total; round++) {
      await phaseIs(page, "briefing");
      if (round === 1) await both("r1-briefing");
      await page.getByRole("button", { name: /^Next phase/ }).click();
      // Bots act by themselves: propose, debate and vote end when everyone has acted; the reveal runs on its 4-second timer.
      await phaseIs(page, "results").catch(async () => {
        await page.getByRole("button", { name: /^Next phase/ }).click();
        await phaseIs(page, "results");
      });
      if (round === 1 || round === 3) await both(`r${round}-results`);
      await page.getByRole("button", { name: /^Next phase/ }).click();
      await expect.poll(() => header.getAttribute("data-phase"), { timeout: UI_WAIT }).not.toBe("results");
    }
    await phaseIs(page, "debrief");
    expect(await getSeriousViolations(page)).toEqual([]);
    await both("debrief");
    // The projector in Spanish: every label of the board and panels in the other language.
    await page.locator(".lang-button", { hasText: "ES" }).click();
    await page.locator(".session-header .phase-name", { hasText: "Cierre" }).waitFor({ timeout: UI_WAIT });
    await both("debrief-es");
    expect(classroom.pageErrors).toEqual([]);
  });
});

