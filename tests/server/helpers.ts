// Test helpers: boot the real app config with short timers, and drive real SDK clients.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Room } from "@colyseus/sdk";
import { createAppConfig } from "../../server/appConfig.ts";
import { getFreePort } from "../e2e/support/testServer.ts";
import type { ServerSettings } from "../../server/config.ts";
import type { SessionState } from "../../server/state/SessionState.ts";
import type { CreateOptions, JoinOptions } from "../../shared/protocol/options.ts";
import type { Refusal } from "../../shared/protocol/refusals.ts";
import { OWN_SEAT_MESSAGE, type OwnSeat, type SessionStateView, type Welcome } from "../../shared/protocol/stateTypes.ts";

export type SessionRoomClient = Room<unknown, SessionStateView>;

/**
 * The port of this file's test server: a free one picked at boot (STACK trap 12), so parallel
 * Vitest workers, and other suites running on the same machine, never share a port.
 */
export let testPort = 0;

export async function startServer(overrides: Partial<ServerSettings> = {}): Promise<{ colyseus: ColyseusTestServer; config: ReturnType<typeof createAppConfig> }> {
  const config = createAppConfig({
    reconnectSeconds: 5,
    botMinDelayMs: 5,
    botMaxDelayMs: 30,
    joinFailuresPerMinute: 1000,
    createsPerMinute: 1000,
    requestsPerSecond: 1000,
    dataDir: mkdtempSync(join(tmpdir(), "hc-server-test-")),
    ...overrides,
  });
  testPort = await getFreePort();
  const colyseus = await boot(config.app, testPort);
  return { colyseus, config };
}

/** Boots a test server for a file's tests: rooms cleaned after each test, the server shut down after all. */
export function useTestServer(overrides: Partial<ServerSettings> = {}) {
  let colyseus: ColyseusTestServer | undefined;
  beforeAll(async () => {
    ({ colyseus } = await startServer(overrides));
  });
  afterEach(async () => {
    await colyseus?.cleanup();
  });
  afterAll(async () => {
    await colyseus?.shutdown();
  });
  return {
    get colyseus(): ColyseusTestServer {
      if (!colyseus) throw new Error("the test server has not booted yet");
      return colyseus;
    },
    /** The room's authoritative state on the server, for assertions. */
    serverState(code: string): SessionState {
      return (this.colyseus.getRoomById(code) as unknown as { state: SessionState }).state;
    },
  };
}

/** Untimed phases by default, so tests drive the flow; pass timers to test deadlines. */
export const UNTIMED = { briefing: 0, propose: 0, debate: 0, vote: 0, resolve: 0, results: 0 };

export async function createSession(colyseus: ColyseusTestServer, options: CreateOptions = {}): Promise<{ host: SessionRoomClient; welcome: Welcome; code: string }> {
  const host = (await colyseus.sdk.create("session", { timers: UNTIMED, ...options })) as SessionRoomClient;
  host.reconnection.minUptime = 0;
  const welcome = (await host.request("welcome", {})) as Welcome;
  await waitFor(() => host.state.code === host.roomId);
  return { host, welcome, code: host.roomId };
}

let deviceCounter = 0;
export function newDeviceToken(): string {
  deviceCounter += 1;
  return `device-${process.pid}-${deviceCounter}-abcdefgh`;
}

/** Every OWN_SEAT_MESSAGE a student's connection received, oldest first (a student's seat is not in their synced state). */
export interface OwnSeatLog {
  received: OwnSeat[];
  /** The last one received: the seat as the phone knows it now. */
  readonly current: OwnSeat | undefined;
}

/** Records a room's own-seat messages; bind it before the welcome, as the phone does. */
export function recordOwnSeat(room: SessionRoomClient): OwnSeatLog {
  const received: OwnSeat[] = [];
  room.onMessage(OWN_SEAT_MESSAGE, (seat: OwnSeat) => received.push(seat));
  return {
    received,
    get current() {
      return received.at(-1);
    },
  };
}

export async function joinStudent(
  colyseus: ColyseusTestServer,
  code: string,
  nickname: string,
  deviceToken = newDeviceToken(),
): Promise<{ room: SessionRoomClient; welcome: Welcome; deviceToken: string; ownSeat: OwnSeatLog }> {
  const options: JoinOptions = { as: "student", nickname, deviceToken };
  const room = (await colyseus.sdk.joinById(code, options)) as SessionRoomClient;
  room.reconnection.minUptime = 0;
  const ownSeat = recordOwnSeat(room);
  const welcome = (await room.request("welcome", {})) as Welcome;
  await waitFor(() => room.state.code === room.roomId);
  return { room, welcome, deviceToken, ownSeat };
}

/** The Refusal a request rejected with (fails the test if it resolved). */
export async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name?: string; reason?: Refusal };
    if (e.name === "rejected" && e.reason) return e.reason;
    throw error;
  }
  throw new Error("expected a refusal, the request succeeded");
}

export async function waitFor(predicate: () => boolean, timeoutMs = 4000, label = "condition"): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The synced state as plain JSON, to compare before/after a refused request. */
export function snapshot(room: { state: unknown }): string {
  return JSON.stringify((room.state as { toJSON(): unknown }).toJSON());
}
