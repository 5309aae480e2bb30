// One connection to a session room: create/join/reconnect, typed requests with refusals as values,
// automatic reconnection with the token kept in sessionStorage, and status/state/welcome signals.
import { Client } from "@colyseus/sdk";
import type { Room } from "@colyseus/sdk";
import type {
  CreateOptions,
  JoinOptions,
  MessageInput,
  MessageType,
  Mine,
  Refusal,
  Replies,
  SessionStateView,
  Welcome,
} from "../../shared/protocol/index.ts";
// The zod-free modules, not the protocol's index: a phone loads this file without zod.
import { ROOM_NAME } from "../../shared/protocol/joinInput.ts";
import { SessionState } from "../../shared/protocol/sessionSchema.ts";
import { HOST_REPLACED_CLOSE_CODE, KICKED_CLOSE_CODE, REFUSALS, parseJoinError, refusal } from "../../shared/protocol/refusals.ts";
import { MINE_MESSAGE, OWN_SEAT_MESSAGE } from "../../shared/protocol/stateTypes.ts";
import { OwnSeatTracker } from "../state/ownSeat.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { toSnapshot } from "../state/snapshot.ts";
import { HistoryLoader } from "../state/historyLoader.ts";
import type { SeatKind } from "./storage.ts";
import { saveReconnectionToken } from "./storage.ts";

export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** connected; reconnecting after a drop; or left for good (with why). */
export type ConnectionStatus =
  | { kind: "connected" }
  | { kind: "reconnecting" }
  | { kind: "left"; reason: "kicked" | "replaced" | "closed" | "lost" };

const REQUEST_TIMEOUT_MS = 10_000;
const RECONNECT_ATTEMPTS = 3;
const RECONNECT_RETRY_MS = 600;

function getClient(): Client {
  return new Client(`${location.protocol}//${location.host}`);
}

function toRefusal(error: unknown): Refusal {
  const e = error as { name?: string; reason?: unknown; message?: string };
  const reason = e?.reason as Partial<Refusal> | undefined;
  if (e?.name === "rejected" && typeof reason?.code === "string" && reason.code in REFUSALS) return reason as Refusal;
  return refusal("internal/error", { details: e?.message ?? String(error) });
}

/**
 * The state's own schema class, given to every join: the SDK then asks the server to skip the
 * schema reflection it would otherwise send with each join (about 2.1 KB, a phone's largest
 * single frame before the reveal) and decodes into these classes instead of building its own.
 */
const STATE_CLASS = SessionState as unknown as new () => SessionStateView;

export class SessionConnection {
  readonly room: Room<SessionStateView>;
  readonly seatKind: SeatKind;
  welcome: Welcome;
  /** A student's own seat (role, nickname): not in the synced state, it comes by its own message. */
  readonly ownSeat: OwnSeatTracker;
  snapshot: SessionSnapshot;
  /** serverNow − Date.now() at the last welcome, to turn endsAt into a countdown. */
  clockOffsetMs: number;
  private readonly stateListeners = new Set<(s: SessionSnapshot) => void>();
  private readonly statusListeners = new Set<(s: ConnectionStatus) => void>();
  private readonly welcomeListeners = new Set<(w: Welcome) => void>();
  private readonly mineListeners = new Set<(m: Mine) => void>();
  /** The debrief's historical path, asked for once (it is not in the synced state). */
  private readonly history = new HistoryLoader({ ask: () => this.request("history", {}), onLoaded: () => this.emitState(this.room.state) });

  private constructor(room: Room<SessionStateView>, seatKind: SeatKind, welcome: Welcome, ownSeat: OwnSeatTracker) {
    this.room = room;
    this.seatKind = seatKind;
    this.welcome = welcome;
    this.ownSeat = ownSeat;
    ownSeat.onChange(() => this.emitState(this.room.state));
    this.clockOffsetMs = welcome.serverNow - Date.now();
    this.snapshot = toSnapshot(room.state, this.history.getYears(room.state));
    room.reconnection.minUptime = 500;
    this.saveToken();
    room.onStateChange((state) => this.emitState(state));
    // A student's choices changed without a request of theirs (an endorsed argument was removed).
    room.onMessage(MINE_MESSAGE, (message: unknown) => {
      for (const l of this.mineListeners) l(message as Mine);
    });
    room.onDrop(() => this.emitStatus({ kind: "reconnecting" }));
    room.onReconnect(() => {
      this.saveToken();
      this.emitStatus({ kind: "connected" });
      void this.refreshWelcome();
    });
    room.onLeave((code) => {
      saveReconnectionToken(this.seatKind, this.room.roomId, null);
      const reason = code === KICKED_CLOSE_CODE ? "kicked" : code === HOST_REPLACED_CLOSE_CODE ? "replaced" : code === 4000 ? "closed" : "lost";
      this.emitStatus({ kind: "left", reason });
    });
  }

  /** Wraps a freshly joined room: waits for the first state and asks who we are. */
  private static async open(room: Room<SessionStateView>, seatKind: SeatKind): Promise<SessionConnection> {
    // Bound before the welcome: the server sends a student's seat just before its reply.
    const ownSeat = new OwnSeatTracker();
    room.onMessage(OWN_SEAT_MESSAGE, (message: unknown) => ownSeat.receive(message));
    const welcome = (await room.request("welcome", {}, { timeout: REQUEST_TIMEOUT_MS })) as Welcome;
    if (!room.state || typeof room.state.phase !== "string") {
      await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
    }
    return new SessionConnection(room, seatKind, welcome, ownSeat);
  }

  static async create(options: CreateOptions): Promise<Result<SessionConnection>> {
    try {
      const room = await getClient().create<SessionStateView>(ROOM_NAME, options, STATE_CLASS);
      return { ok: true, value: await SessionConnection.open(room, "host") };
    } catch (error) {
      return { ok: false, refusal: parseJoinError(error) };
    }
  }

  static async join(code: string, options: JoinOptions): Promise<Result<SessionConnection>> {
    try {
      const room = await getClient().joinById<SessionStateView>(code.trim().toUpperCase(), options, STATE_CLASS);
      const seat: SeatKind = options.as;
      return { ok: true, value: await SessionConnection.open(room, seat) };
    } catch (error) {
      return { ok: false, refusal: parseJoinError(error) };
    }
  }

  /** After a page reload: reclaims the seat held for this tab's reconnection token. */
  static async reconnect(token: string, seatKind: SeatKind): Promise<SessionConnection | null> {
    // Right after a reload the server may not have noticed the old socket closing yet: retry briefly.
    for (let attempt = 0; attempt < RECONNECT_ATTEMPTS; attempt++) {
      try {
        const room = await getClient().reconnect<SessionStateView>(token, STATE_CLASS);
        return await SessionConnection.open(room, seatKind);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_RETRY_MS));
      }
    }
    return null;
  }

  get code(): string {
    return this.room.roomId;
  }

  async request<T extends MessageType>(type: T, payload: MessageInput<T>): Promise<Result<Replies[T]>> {
    try {
      const value = (await this.room.request(type, payload, { timeout: REQUEST_TIMEOUT_MS })) as Replies[T];
      return { ok: true, value };
    } catch (error) {
      return { ok: false, refusal: toRefusal(error) };
    }
  }

  onState(listener: (s: SessionSnapshot) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
  onStatus(listener: (s: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }
  onWelcome(listener: (w: Welcome) => void): () => void {
    this.welcomeListeners.add(listener);
    return () => this.welcomeListeners.delete(listener);
  }
  onMine(listener: (m: Mine) => void): () => void {
    this.mineListeners.add(listener);
    return () => this.mineListeners.delete(listener);
  }

  /** Server time now, estimated from the last welcome. */
  getServerNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  async leave(): Promise<void> {
    saveReconnectionToken(this.seatKind, this.room.roomId, null);
    await this.room.leave(true);
  }

  private async refreshWelcome(): Promise<void> {
    const result = await this.request("welcome", {});
    if (!result.ok) return;
    this.welcome = result.value;
    this.clockOffsetMs = result.value.serverNow - Date.now();
    for (const l of this.welcomeListeners) l(this.welcome);
  }

  private saveToken(): void {
    saveReconnectionToken(this.seatKind, this.room.roomId, this.room.reconnectionToken);
  }

  private emitState(state: SessionStateView): void {
    this.snapshot = toSnapshot(state, this.history.getYears(state));
    for (const l of this.stateListeners) l(this.snapshot);
  }

  private emitStatus(status: ConnectionStatus): void {
    for (const l of this.statusListeners) l(status);
  }
}
