// The teacher's record in real Chromium: /watch follows a session played by SDK clients (and survives a server restart), then the printable report (print media, A4/Letter PDFs), the key form, the host's report links, and the sessions list.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { ArgumentView, Mine, SessionStateView, Welcome } from "../../shared/protocol/index.ts";
import { OWN_SEAT_MESSAGE } from "../../shared/protocol/index.ts";
import { ReportSchema } from "../../shared/report/reportSchema.ts";
import type { ServerProcess } from "../record/serverProcess.ts";
import { startServerProcess } from "../record/serverProcess.ts";
import { E2E_CLIENT_DIR } from "./support/clientDir.ts";
import type { TestServer } from "./support/testServer.ts";
import { getFreePort, startTestServer } from "./support/testServer.ts";
import { ARTIFACTS, getSeriousViolations, launchBrowser, screenshot } from "./support/browser.ts";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const rooms: Room<SessionStateView>[] = [];

const PDF_DIR = join(import.meta.dirname, "..", "..", "artifacts", "report");
const UNTIMED = { briefing: 0, propose: 0, debate: 0, vote: 0, resolve: 0, results: 0 };
const ROUNDS = 2;
const STUDENTS = ["Ana", "Beto"];

async function newPage(viewport: { width: number; height: number }, options: { isMobile?: boolean; locale?: string } = {}): Promise<Page> {
  const isMobile = options.isMobile ?? false;
  const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, deviceScaleFactor: 1, locale: options.locale ?? "en-US" });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function until(predicate: () => boolean, label: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Played {
  code: string;
  hostKey: string;
  host: Room<SessionStateView>;
  /** The phases the session went through, in order (what a second screen should have shown). */
  phases: string[];
  /** Each round's argument texts by student nickname. */
  argumentsOf: Map<string, string[]>;
  /** The session's creation day (YYYY-MM-DD), as the report's file names carry it. */
  createdDay: string;
}

/** A host, two students and a bot from the SDK: creates the session; `play` runs it to the debrief, `onPhase` sees each phase first. */
async function createSession(): Promise<{ code: string; hostKey: string; play(onPhase: (phase: string) => Promise<void>): Promise<Played> }> {
  const sdk = new Client(server.url);
  const host = await sdk.create<SessionStateView>("session", { timers: UNTIMED, rounds: ROUNDS, language: "en", voteMode: "points" });
  rooms.push(host);
  const welcome = (await host.request("welcome", {})) as Welcome;
  const code = host.roomId;
  const hostKey = welcome.hostKey ?? "";
  const scenario = (await (await fetch(`${server.url}/api/scenarios/${host.state.scenarioId}`)).json()) as { policies: { id: string; figures: string[] }[]; settings: { votePoints: number } };
  return {
    code,
    hostKey,
    async play(onPhase) {
      const students: { nickname: string; room: Room<SessionStateView>; playerId: string }[] = [];
      for (const [i, nickname] of STUDENTS.entries()) {
        const room = await sdk.joinById<SessionStateView>(code, { as: "student", nickname, deviceToken: `report-e2e-${process.pid}-${i}-device` });
        rooms.push(room);
        // The seat message comes before every welcome; these students do not show it (the SDK warns about unbound messages).
        room.onMessage(OWN_SEAT_MESSAGE, () => undefined);
        const w = (await room.request("welcome", {})) as Welcome;
        students.push({ nickname, room, playerId: w.playerId ?? "" });
      }
      await host.request("addBots", { count: 1, strategy: "evidence-follower" });
      await until(() => host.state.players.size === 3, "three seats");
      const phases: string[] = [];
      const argumentsOf = new Map<string, string[]>(STUDENTS.map((n) => [n, []]));
      const inPhase = async (phase: string) => {
        await until(() => host.state.phase === phase, `phase ${phase}`);
        phases.push(phase);
        await onPhase(phase);
      };
      await host.request("start", {});
      for (let round = 1; round <= ROUNDS; round++) {
        await inPhase("briefing");
        await host.request("advance", {});
        await inPhase("propose");
        for (const [i, s] of students.entries()) {
          const policy = scenario.policies[i]!;
          const text = `${s.nickname} says round ${round}: ${i === 0 ? "arrest the leaders" : "build the courts first"}`;
          argumentsOf.get(s.nickname)!.push(text);
          const mine = (await s.room.request("propose", { policyId: policy.id, argument: text, figureId: policy.figures[0] })) as Mine;
          expect(mine.proposal?.argumentId).toBeTruthy();
        }
        await inPhase("debate");
        // Each student endorses the other's argument, so both have endorsements given and received.
        for (const s of students) {
          const all: ArgumentView[] = [];
          host.state.arguments.forEach((a) => all.push(a));
          const other = all.find((a) => a.round === round && a.authorId !== s.playerId && a.authorNickname !== "" && !a.authorIsBot);
          if (other) await s.room.request("endorse", { argumentId: other.id });
        }
        await host.request("advance", {});
        await inPhase("vote");
        for (const [i, s] of students.entries()) await s.room.request("vote", { points: { [scenario.policies[i]!.id]: scenario.settings.votePoints } });
        await inPhase("resolve");
        await host.request("advance", {});
        await inPhase("results");
        await host.request("advance", {});
      }
      await inPhase("debrief");
      await host.request("endSession", {});
      await inPhase("ended");
      const report = ReportSchema.parse(await (await fetch(`${server.url}/api/sessions/${code}/report.json`, { headers: { Authorization: `Bearer ${hostKey}` } })).json());
      return { code, hostKey, host, phases, argumentsOf, createdDay: report.session.createdAt.slice(0, 10) };
    },
  };
}

beforeAll(async () => {
  // The session record goes to a throwaway folder, not the project's data/.
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "hc-report-e2e-"));
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  // A room whose seat the browser took over (the host page joining with the key) is already closed: do not wait on it.
  const settle = (promise: Promise<unknown>) => Promise.race([promise.catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]);
  for (const room of rooms) await settle(room.connection.isOpen ? room.leave(true) : Promise.resolve());
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

let played: Played | null = null;

describe("the teacher's record in the browser", () => {
  it("/watch follows a session phase by phase as a spectator, with no control and no seat", async () => {
    const watch = await newPage({ width: 1920, height: 1080 });
    onTestFailed(async () => screenshot(watch, "report-failure-watch").catch(() => undefined));
    // A wrong code says so, in words.
    await watch.goto(`${server.url}/watch/ZZZZZ`);
    await watch.getByRole("alert").getByText("No session has that code", { exact: false }).waitFor();
    const session = await createSession();
    await watch.goto(`${server.url}/watch/${session.code}`);
    // The lobby shows where and how to join, for the class to read off the wall.
    await expect.poll(() => watch.locator(".join-code").textContent()).toBe(session.code);
    await expect.poll(() => watch.locator(".session-header").getAttribute("data-phase")).toBe("lobby");
    expect(await getSeriousViolations(watch)).toEqual([]);
    await screenshot(watch, "watch-lobby");
    const seen: string[] = [];
    played = await session.play(async (phase) => {
      await watch.locator(`.session-header[data-phase="${phase}"]`).waitFor({ timeout: 20_000 });
      seen.push(phase);
      // Nothing to press on a second screen but the language switch.
      expect(await watch.locator("button:not(.lang-button), input, select, textarea").count()).toBe(0);
      if (phase === "debate") {
        await watch.getByText(`${STUDENTS[0]} says round`, { exact: false }).first().waitFor();
        await screenshot(watch, "watch-debate");
      }
      if (phase === "results") {
        await watch.locator(".watch-side .why-list, .watch-side .muted").first().waitFor();
        if (seen.filter((p) => p === "results").length === 1) {
          expect(await getSeriousViolations(watch)).toEqual([]);
          await screenshot(watch, "watch-results");
        }
      }
    });
    expect(seen).toEqual(played.phases);
    await watch.getByText("The session has ended.").waitFor();
    await screenshot(watch, "watch-ended");
    // A spectator never takes a seat: the roster still has the two students and the bot.
    expect(played.host.state.players.size).toBe(3);
    expect(played.host.state.spectators).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it("the report shows the rounds and students, downloads CSV and JSON, prints without controls or clipping, and renders A4 and Letter PDFs", async () => {
    expect(played).not.toBeNull();
    const { code, hostKey, argumentsOf } = played!;
    const page = await newPage({ width: 1280, height: 900 });
    onTestFailed(async () => screenshot(page, "report-failure-report").catch(() => undefined));
    await holdKey(page, code, hostKey);
    await page.goto(`${server.url}/report/${code}`);
    await page.locator("main.report").waitFor();
    expect(await page.locator("h1").textContent()).toContain(code);
    expect(await page.locator(".report-round").count()).toBe(ROUNDS);
    // Each round's decision (the policy mix the votes made), its tally and the cited figures behind the "why" lines.
    await expect.poll(() => page.locator(".report-decision").first().textContent()).toMatch(/^The class's policy mix: .+ \d+%/);
    expect(await page.locator(".report-tally").count()).toBe(ROUNDS);
    expect(await page.locator(".report-round .why-cite").count()).toBeGreaterThan(0);
    // The charts: class path, Mexico's choices replayed, and the observed series with its source.
    expect(await page.locator(".report-chart").count()).toBeGreaterThanOrEqual(3);
    const homicides = page.locator('.report-chart[data-indicator="homicides"]');
    expect(await homicides.locator(".report-legend li").evaluateAll((items) => items.map((i) => i.getAttribute("data-series")))).toEqual(["class", "historical", "observed"]);
    expect(await homicides.locator(".report-source").textContent()).toContain("INEGI");
    // Participation: both students with what they did, the bot labelled as one.
    const participation = page.locator(".report-participation tbody tr");
    expect(await participation.count()).toBe(3);
    for (const nickname of STUDENTS) {
      const cells = participation.filter({ hasText: nickname }).locator("td");
      // Arguments written, with a figure, endorsements given and received, rounds voted.
      const [, proposals, written, cited, given, received, voted] = await cells.allTextContents();
      expect(proposals).toMatch(/^1: .+; 2: .+$/);
      expect([written, cited, given, voted]).toEqual([`${ROUNDS}`, `${ROUNDS}`, `${ROUNDS}`, `${ROUNDS} of ${ROUNDS}`]);
      // The other student endorsed each argument; the bot may have too.
      expect(Number(received)).toBeGreaterThanOrEqual(ROUNDS);
    }
    expect(await participation.last().textContent()).toContain("(bot)");
    // The most-endorsed arguments are students' own words.
    const top = await page.locator(".report-arguments blockquote").allTextContents();
    expect(top.length).toBeGreaterThan(0);
    for (const text of top) expect([...argumentsOf.values()].flat()).toContain(text);
    expect(await getSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "report-screen.png"), fullPage: true });

    // Downloads: the JSON is the report (schema-valid, the rounds played); the CSV names the students.
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
    const report = ReportSchema.parse(JSON.parse(readFileSync((await jsonDownload.path())!, "utf8")));
    expect(report.session.code).toBe(code);
    expect(report.rounds).toHaveLength(ROUNDS);
    expect(jsonDownload.suggestedFilename()).toMatch(new RegExp(`^hidden-costs-${code}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV: students" }).click()]);
    const csv = readFileSync((await csvDownload.path())!, "utf8");
    for (const nickname of STUDENTS) expect(csv).toContain(nickname);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);

    // Print: no controls, and nothing wider than the printable width of A4 (210 mm − margins ≈ 700 px).
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".report-actions").isVisible()).toBe(false);
    expect(await page.locator(".top-bar").isVisible()).toBe(false);
    expect(await page.locator("button:visible, input:visible, select:visible").count()).toBe(0);
    const overflowing = await page.evaluate(() => {
      const main = document.querySelector("main.report")!.getBoundingClientRect();
      // Screen-reader-only text is clipped on purpose.
      return [...document.querySelectorAll("main.report *:not(.visually-hidden)")]
        .filter((el) => el.getBoundingClientRect().right > main.right + 1 || (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible"))
        .map((el) => `${el.tagName}.${el.className}`);
    });
    expect(overflowing).toEqual([]);
    mkdirSync(PDF_DIR, { recursive: true });
    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(20_000);
      writeFileSync(join(PDF_DIR, `report-${format}.pdf`), pdf);
    }
    // For looking at, not for passing: page 1 of the A4 print as PNG when poppler is installed.
    if (existsSync("/usr/bin/pdftoppm")) execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "70", join(PDF_DIR, "report-A4.pdf"), join(PDF_DIR, "report-A4-page")]);
    await page.emulateMedia({ media: "screen" });

    // Spanish: the page's own words switch; the content stays in the session's language.
    await page.getByRole("button", { name: "ES" }).click();
    await page.getByRole("heading", { name: "Ronda por ronda" }).waitFor();
    expect(await page.locator(".report-actions button").allTextContents()).toEqual(["Descargar CSV: estudiantes", "Descargar CSV: rondas", "Descargar JSON", "Imprimir"]);
  });

  it("without the key in this browser the report asks for it, refuses a wrong one, and keeps a right one", async () => {
    const { code, hostKey } = played!;
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.url}/report/${code}`);
    await page.getByLabel("Host key").waitFor();
    expect(await getSeriousViolations(page)).toEqual([]);
    await page.getByLabel("Host key").fill("not-the-key");
    await page.getByRole("button", { name: "Open the report" }).click();
    await page.getByText("That key does not open this session's report").waitFor();
    await page.getByLabel("Host key").fill(hostKey);
    await page.getByRole("button", { name: "Open the report" }).click();
    await page.locator("main.report").waitFor();
    expect(await page.evaluate((c) => localStorage.getItem(`hc.hostKey.${c}`), code)).toBe(hostKey);
  });

  it("the host's ended screen offers the report's downloads and Print", async () => {
    const { code, hostKey } = played!;
    const page = await newPage({ width: 1920, height: 1080 });
    onTestFailed(async () => screenshot(page, "report-failure-ended").catch(() => undefined));
    await holdKey(page, code, hostKey);
    await page.goto(`${server.url}/host/${code}`);
    const links = page.getByRole("group", { name: "Download report" });
    await links.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), links.getByRole("button", { name: "Rounds (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe(`hidden-costs-${code}-${played!.createdDay}-rounds.csv`);
    expect(readFileSync((await download.path())!, "utf8").split("\n").filter((line) => line.trim() !== "").length).toBe(ROUNDS + 1);
    const [json] = await Promise.all([page.waitForEvent("download"), links.getByRole("button", { name: "Everything (JSON)" }).click()]);
    expect(ReportSchema.parse(JSON.parse(readFileSync((await json.path())!, "utf8"))).session.code).toBe(code);
    expect(await links.getByRole("link", { name: "Print report" }).getAttribute("href")).toBe(`/report/${code}?print=1`);
    expect(await getSeriousViolations(page)).toEqual([]);
    await screenshot(page, "host-ended-report-links");
  });

  it("/host/sessions lists this browser's sessions (live ones can be reopened) on a projector and a phone, and deletes one", async () => {
    const { code, hostKey } = played!;
    const live = await createSession();
    const page = await newPage({ width: 1920, height: 1080 });
    onTestFailed(async () => screenshot(page, "report-failure-sessions").catch(() => undefined));
    await holdKey(page, code, hostKey);
    await holdKey(page, live.code, live.hostKey);
    // The landing page leads to the list.
    await page.goto(server.url);
    await page.getByRole("link", { name: "Your sessions" }).click();
    await page.waitForURL(`${server.url}/host/sessions`);
    const ended = page.locator(`.session-card[data-code="${code}"]`);
    await ended.waitFor();
    expect(await ended.textContent()).toContain(`${ROUNDS} of ${ROUNDS} played`);
    expect(await ended.textContent()).toContain(`${STUDENTS.length} students`);
    expect(await ended.getByRole("link", { name: "Report" }).getAttribute("href")).toBe(`/report/${code}`);
    expect(await ended.getByRole("link", { name: "Reopen" }).count()).toBe(0);
    const running = page.locator(`.session-card[data-code="${live.code}"]`);
    expect(await running.getByRole("link", { name: "Reopen" }).getAttribute("href")).toBe(`/host/${live.code}`);
    expect(await getSeriousViolations(page)).toEqual([]);
    await screenshot(page, "sessions-projector");

    const phone = await newPage({ width: 360, height: 740 }, { isMobile: true });
    await holdKey(phone, code, hostKey);
    await phone.goto(`${server.url}/host/sessions`);
    await phone.locator(`.session-card[data-code="${code}"]`).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await getSeriousViolations(phone)).toEqual([]);
    await screenshot(phone, "sessions-phone");

    // A live session is not deleted from here; an ended one is, after a question that Cancel answers with no.
    expect(await running.getByRole("button", { name: "Delete" }).count()).toBe(0);
    await ended.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    expect(await ended.count()).toBe(1);
    await ended.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: `Delete ${code}` }).click();
    await ended.waitFor({ state: "detached" });
    expect(await page.evaluate((c) => localStorage.getItem(`hc.hostKey.${c}`), code)).toBeNull();
    const gone = await fetch(`${server.url}/api/sessions/${code}/report.json`, { headers: { Authorization: `Bearer ${hostKey}` } });
    expect(gone.status).toBe(404);
    expect(await running.count()).toBe(1);

    // A key the server has no record of can be forgotten (nothing to delete there).
    await holdKey(page, "ZZZZZ", "a-key-from-a-deleted-session");
    await page.reload();
    const stale = page.locator('.session-card[data-code="ZZZZZ"]');
    await stale.getByText("no record of this session", { exact: false }).waitFor();
    await stale.getByRole("button", { name: "Forget" }).click();
    await page.getByRole("dialog", { name: "Forget session ZZZZZ?" }).getByRole("button", { name: "Forget ZZZZZ" }).click();
    await stale.waitFor({ state: "detached" });
    expect(await page.evaluate(() => localStorage.getItem("hc.hostKey.ZZZZZ"))).toBeNull();

    // When the server cannot be asked, the list claims nothing about records: codes and report links only.
    await page.route("**/api/sessions/lookup", (route) => route.abort());
    await page.reload();
    await page.getByRole("alert").getByText("could not be reached", { exact: false }).waitFor();
    expect(await running.getByRole("link", { name: "Report" }).getAttribute("href")).toBe(`/report/${live.code}`);
    expect(await page.getByRole("button", { name: /Delete|Forget/ }).count()).toBe(0);
    await page.unroute("**/api/sessions/lookup");
    expect(pageErrors).toEqual([]);
  });
});

describe("the projector page across a server restart", () => {
  it("/watch finds the session again by itself after the server is killed and restarted, and keeps following it", { timeout: 150_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "hc-watch-restart-"));
    const port = await getFreePort();
    let proc: ServerProcess | null = await startServerProcess({ port, dataDir, env: { CLIENT_DIR: E2E_CLIENT_DIR } });
    const watch = await newPage({ width: 1920, height: 1080 });
    onTestFailed(async () => {
      await screenshot(watch, "report-failure-watch-restart").catch(() => undefined);
      console.error(proc?.output());
    });
    try {
      const sdk = new Client(proc.url);
      const host = await sdk.create<SessionStateView>("session", { timers: UNTIMED, rounds: 1, language: "en" });
      host.reconnection.enabled = false;
      const { hostKey } = (await host.request("welcome", {})) as Welcome;
      const code = host.roomId;
      await host.request("addBots", { count: 1, strategy: "random" });
      await watch.goto(`${proc.url}/watch/${code}`);
      await watch.locator(".join-code").waitFor();
      await host.request("start", {});
      await watch.locator('.session-header[data-phase="briefing"]').waitFor();

      await proc.stop("SIGKILL");
      await watch.getByText("Reconnecting", { exact: false }).waitFor();
      proc = await startServerProcess({ port, dataDir, env: { CLIENT_DIR: E2E_CLIENT_DIR } });
      // No reload: the page rejoins once the session is restored under the same code.
      await watch.locator(".status-banner").waitFor({ state: "hidden", timeout: 60_000 });
      await watch.locator('.session-header[data-phase="briefing"]').waitFor();
      // And it follows what happens next: the host comes back with the key and moves on.
      let back: Room<SessionStateView> | null = null;
      const started = Date.now();
      while (!back) {
        back = await new Client(proc.url).joinById<SessionStateView>(code, { as: "host", hostKey }).catch(() => null);
        if (!back && Date.now() - started > 30_000) throw new Error("the host could not rejoin");
        if (!back) await new Promise((r) => setTimeout(r, 500));
      }
      back.reconnection.enabled = false;
      await back.request("advance", {});
      // (The bot acts at once, so the phases after briefing may pass quickly: any of them will do.)
      await watch.locator('.session-header:not([data-phase="briefing"])').waitFor();
      expect(await watch.locator("button:not(.lang-button), input, select, textarea").count()).toBe(0);
      await back.leave(true).catch(() => undefined);
    } finally {
      await proc?.stop("SIGTERM");
    }
  });
});

/** Puts a host key into the page's browser storage, as the host page does when it creates a session. */
async function holdKey(page: Page, code: string, hostKey: string): Promise<void> {
  if (!page.url().startsWith(server.url)) await page.goto(`${server.url}/`);
  await page.evaluate(([c, k]) => localStorage.setItem(`hc.hostKey.${c}`, k), [code, hostKey] as const);
}
