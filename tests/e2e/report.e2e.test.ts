// The teacher's record in real Chromium: /watch follows a session played by SDK clients, the printable report, the sessions list.
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { ArgumentView, Mine, SessionStateView, Welcome } from "../../shared/protocol/index.ts";
import type { TestServer } from "./support/testServer.ts";
import { startTestServer } from "./support/testServer.ts";
import { getSeriousViolations, launchBrowser, screenshot } from "./support/browser.ts";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const rooms: Room<SessionStateView>[] = [];

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
      return { code, hostKey, host, phases, argumentsOf };
    },
  };
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const room of rooms) await room.leave(true).catch(() => undefined);
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

let played: Played | null = null;

describe("the teacher's record in the browser", () => {
  it("/watch follows a session phase by phase as a spectator, with no control and no seat", async () => {
    const watch = await newPage({ width: 1920, height: 1080 });
    onTestFailed(async () => screenshot(watch, "report-failure-watch").catch(() => undefined));
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
});
