// The Colyseus room shell of a session: create/join/leave/reconnect lifecycle and request
// dispatch (validate → rate limit → authorise → phase check → handler). Game logic lives in
// Session; this file only connects it to clients.
import { Room, ServerError, validate, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { z } from "zod";
import { MESSAGES, MESSAGE_TYPES, type MessageType } from "../../shared/protocol/messages.ts";
import { CreateOptionsSchema, JoinOptionsSchema, type SessionOptions } from "../../shared/protocol/options.ts";
import type { Phase } from "../../shared/protocol/phases.ts";
import {
  CREATE_ERROR_STATUS,
  HOST_REPLACED_CLOSE_CODE,
  JOIN_ERROR_STATUS,
  KICKED_CLOSE_CODE,
  refusal,
  type Refusal,
  type RefusalCode,
} from "../../shared/protocol/refusals.ts";
import { MINE_MESSAGE, OWN_SEAT_MESSAGE, REFUSED_MESSAGE, type OwnSeat } from "../../shared/protocol/stateTypes.ts";
import { BotDriver } from "../bots/BotDriver.ts";
import { claimJoinCode, releaseJoinCode, reserveJoinCode } from "../joinCodes.ts";
import { logger } from "../log/logger.ts";
import { LogSummariser } from "../log/logSummariser.ts";
import { CREATOR_SECRET_OPTION } from "../matchmaking/matchmakeGuard.ts";
import { isShuttingDown } from "../record/isShuttingDown.ts";
import { takeRecovery, type PendingRecovery } from "../record/recoveryTokens.ts";
import type { LiveRecord, SessionRecords } from "../record/SessionRecords.ts";
import type { ScenarioStore } from "../scenarioStore.ts";
import { isAccepted } from "../session/phaseTable.ts";
import { Session } from "../session/Session.ts";
import type { EngineClock } from "../session/phaseEngine.ts";
import type { SessionState } from "../state/SessionState.ts";
import { answerUndecodable, checkFrame } from "./frameCheck.ts";
import { HANDLERS, isRefusal, type HandlerContext, type Sender } from "./handlers.ts";
import { IDLE_COLYSEUS_PATCH_RATE_MS, InstantPatches } from "./instantPatches.ts";
import { PacedWork } from "./pacedWork.ts";
import { RequestBucket } from "./requestBucket.ts";

/** Server-wide settings a session room needs (from server/config.ts, or short ones in tests). */
export interface SessionRoomSettings {
  scenarios: ScenarioStore;
  defaultScenarioId: string;
  reconnectSeconds: number;
  idleMinutes: number;
  requestsPerSecond: number;
  /** Spectator connections allowed per session (apart from seats and the host). */
  maxSpectators: number;
  /** Seconds a new session waits for its creator before it is closed. */
  creatorConnectSeconds: number;
  botMinDelayMs: number;
  botMaxDelayMs: number;
  /** The durable record (server/record/); null keeps sessions in memory only. */
  records: SessionRecords | null;
}

interface UserData extends Sender {
  bucket: RequestBucket;
}

type SessionClient = Client<{ userData: UserData }>;

/** Close codes after which the client may come back (network trouble, not a decision). */
const NETWORK_CLOSE_CODES = new Set([1001, 1005, 1006, 4010]);
/**
 * Messages within one second above which Colyseus closes the connection (4002), as documented.
 * Colyseus does not count the first message of each one-second window, so its own setting is one
 * less: with 40 it would close at the 42nd message instead of the 41st.
 */
export const FLOOD_MESSAGES_PER_SECOND = 40;

const log = logger.child({ component: "session" });
/** The phase changes of every room in this process, a few milliseconds per event-loop turn (see pacedWork.ts). */
const PHASE_CHANGES = new PacedWork({ onError: (err) => log.error({ err }, "phase change failed") });

/** Undecodable frames are logged once per minute per room, with a count, not once per frame. */
const frameLog = new LogSummariser();

type RawFrameClient = SessionClient & { enqueueRaw(data: Uint8Array): void };

function joinError(r: Refusal): ServerError {
  return new ServerError(JOIN_ERROR_STATUS, JSON.stringify(r));
}

function createError(r: Refusal): ServerError {
  return new ServerError(CREATE_ERROR_STATUS, JSON.stringify(r));
}

/** Splits the matchmaker's creator secret off the options a client sent (see matchmakeGuard). */
function takeCreatorSecret(raw: unknown): { secret: string | null; options: unknown } {
  if (typeof raw !== "object" || raw === null || !(CREATOR_SECRET_OPTION in raw)) return { secret: null, options: raw ?? {} };
  const { [CREATOR_SECRET_OPTION]: secret, ...options } = raw as Record<string, unknown>;
  return { secret: typeof secret === "string" ? secret : "", options };
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`).join("; ");
}

/**
 * A Standard Schema that always passes and hands the handler zod's safeParse result, so a
 * malformed payload becomes our typed `request/invalid-payload` refusal instead of Colyseus's
 * untyped error reply (or a 4002 disconnect for `send`).
 */
function asParseResult<S extends z.ZodType>(schema: S) {
  return {
    "~standard": {
      version: 1 as const,
      vendor: "hidden-costs",
      validate: (value: unknown) => ({ value: schema.safeParse(value) }),
    },
  };
}

export class SessionRoom extends Room<{ state: SessionState; client: SessionClient }> {
  static settings: SessionRoomSettings;

  override maxMessagesPerSecond = FLOOD_MESSAGES_PER_SECOND - 1;
  private session!: Session;
  private bots!: BotDriver;
  private hostSessionId: string | null = null;
  private hostClaimed = false;
  private creatorSecret: string | null = null;
  private creatorTimer: { clear(): void } | null = null;
  private idleTimer: { clear(): void } | null = null;
  private record: LiveRecord | null = null;
  /** The connection (sessionId) that holds each student seat: exactly one at a time. */
  private readonly seatHolders = new Map<string, string>();
  /** The room's patch schedule: an accepted request's state change goes out at once, not at the next tick. */
  private readonly patches = new InstantPatches({
    flush: () => {
      if (!this.hasUnsentChanges()) {
        // Nothing to send: only tick the clock, as broadcastPatch would (its timers keep the tick's
        // granularity). Colyseus scans every client of a room with views for view changes on each
        // call, which at 250 classes × 20 ticks a second was a tenth of the server's CPU.
        this.clock.tick();
        if (!this.hasUnsentChanges()) return false;
      }
      // What a patch shows is on disk first (the store commits the journal writes it queued).
      this.settings.records?.commitPendingWrites();
      return this.broadcastPatch();
    },
    audience: () => this.clients.length,
  });

  /** The per-client views (the host's; a replaced host's until it leaves). */
  private readonly views = new Set<StateView>();

  /** Whether a state or view change waits for the next patch. */
  private hasUnsentChanges(): boolean {
    // The encoder is Colyseus's (Room._serializer, SchemaSerializer.encoder; not in its types):
    // without it, assume changes, so nothing waits.
    const encoder = (this as unknown as { _serializer?: { encoder?: { hasChanges?: boolean } } })._serializer?.encoder;
    if (encoder?.hasChanges !== false) return true;
    for (const view of this.views) if (view.changes.size > 0) return true;
    return false;
  }

  /**
   * The session's clock: the room's, except that an early end waits until the change that
   * completed the phase has gone out, and phase changes are paced with every other room's (PHASE_CHANGES).
   */
  private readonly engineClock: EngineClock = {
    setTimeout: (fn, ms) => PHASE_CHANGES.after((fire) => this.clock.setTimeout(fire, ms), fn),
    afterNextPatch: (fn) => PHASE_CHANGES.after((fire) => this.patches.afterNextPatch(fire), fn),
  };

  override messages = {
    ...Object.fromEntries(
      MESSAGE_TYPES.map((type) => [
        type,
        validate(asParseResult(MESSAGES[type].schema), function (this: SessionRoom, client, parsed, ctx) {
          const result = this.dispatch(client as SessionClient, type, parsed as z.ZodSafeParseResult<unknown>);
          if (isRefusal(result)) {
            // A plain `send` has no reply channel: tell the client with a message instead.
            if (ctx.id === undefined) client.send(REFUSED_MESSAGE, result);
            return ctx.reject(result);
          }
          // The reply ("your vote is saved") leaves once the action is in the session record: the
          // journal commits a turn's writes together, within the same turn of the event loop.
          return this.record ? this.record.whenCommitted().then(() => result) : result;
        }),
      ]),
    ),
    // The wildcard: an unknown `send` type arrives as (client, type, payload); a request whose
    // type is literally "*" arrives as (client, payload, ctx) and must be refused, not answered ok.
    _: (client: Client, type: unknown, third: unknown) => {
      const ctx = third as { id?: unknown; reject?: (r: Refusal) => unknown } | undefined;
      if (typeof ctx?.id === "number" && typeof ctx.reject === "function") return ctx.reject(refusal("request/unknown-type", { details: "*" }));
      client.send(REFUSED_MESSAGE, refusal("request/unknown-type", { details: String(type).slice(0, 80) }));
      return undefined;
    },
  };

  get settings(): SessionRoomSettings {
    return (this.constructor as typeof SessionRoom).settings;
  }

  override async onCreate(rawOptions: unknown): Promise<void> {
    // Patches go out on InstantPatches' schedule (a request's change at once), not Colyseus's fixed interval.
    this.patchRate = IDLE_COLYSEUS_PATCH_RATE_MS;
    this.patches.start();
    const recovery = takeRecovery(rawOptions);
    if (recovery) return this.restore(recovery);
    const { secret, options: withoutSecret } = takeCreatorSecret(rawOptions);
    this.creatorSecret = secret;
    const parsed = CreateOptionsSchema.safeParse(withoutSecret);
    if (!parsed.success) throw createError(refusal("create/invalid-options", { details: formatIssues(parsed.error) }));
    const options: SessionOptions = parsed.data;
    const scenarioId = options.scenarioId ?? this.settings.defaultScenarioId;
    const scenario = this.settings.scenarios.get(scenarioId);
    if (!scenario) throw createError(refusal("create/unknown-scenario", { details: scenarioId }));
    if (options.rounds !== undefined && options.rounds > scenario.rounds.length) {
      throw createError(refusal("create/invalid-options", { details: `rounds: this scenario has ${scenario.rounds.length} rounds` }));
    }

    const code = await reserveJoinCode(this.presence);
    this.roomId = code;
    await this.setPrivate(true);
    this.autoDispose = false;
    // A safety net only: seats and spectators are capped in onJoin with typed refusals. The slack
    // covers a returning device's new connection before its old one is closed, and the host.
    this.maxClients = options.maxPlayers * 2 + this.settings.maxSpectators + 4;
    this.interceptUndecodableFrames();

    this.session = new Session({
      scenario,
      options,
      code,
      clock: this.engineClock,
      events: {
        onPhase: (phase) => this.onPhase(phase),
        onKicked: (playerId) => this.disconnectPlayer(playerId),
        onMineChanged: (playerId) => this.sendMine(playerId),
        onSeatChanged: (playerId) => this.sendOwnSeatTo(playerId),
        onEnded: () => this.bots.cancel(),
      },
    });
    this.bots = new BotDriver({
      session: this.session,
      clock: this.clock,
      timing: { minDelayMs: this.settings.botMinDelayMs, maxDelayMs: this.settings.botMaxDelayMs },
    });
    this.state = this.session.state;
    this.record = (await this.settings.records?.begin(this.session, { scenario, options })) ?? null;
    this.scheduleIdleCheck();
    // A session whose creator never connects (a scripted create) is not kept for the idle window.
    // Sessions the server creates itself (no matchmaker secret) have no creator to wait for.
    if (this.creatorSecret !== null) {
      this.creatorTimer = this.clock.setTimeout(() => {
        if (!this.hostClaimed) void this.disconnect();
      }, this.settings.creatorConnectSeconds * 1000);
    }
  }

  override onJoin(client: SessionClient, rawOptions: unknown): void {
    const session = this.session;
    const bucket = new RequestBucket(this.settings.requestsPerSecond);
    const { secret, options: joinOptions } = takeCreatorSecret(rawOptions);
    if (secret !== null) {
      // Only the creator's own reservation carries the secret the matchmaker generated.
      if (this.hostClaimed || secret !== this.creatorSecret) throw joinError(refusal("join/invalid-options", { details: "not this session's creator" }));
      this.hostClaimed = true;
      this.creatorTimer?.clear();
      this.becomeHost(client, bucket);
      return;
    }
    const parsed = JoinOptionsSchema.safeParse(joinOptions);
    if (!parsed.success) throw joinError(refusal("join/invalid-options", { details: formatIssues(parsed.error) }));
    const options = parsed.data;
    if (options.as === "host") {
      if (options.hostKey !== session.hostKey) throw joinError(refusal("auth/bad-host-key"));
      this.becomeHost(client, bucket);
      return;
    }
    if (session.phase === "ended") throw joinError(refusal("join/session-ended"));
    if (options.as === "spectator") {
      if (session.state.spectators >= this.settings.maxSpectators) throw joinError(refusal("join/spectators-full"));
      client.userData = { seat: "spectator", playerId: null, bucket };
      session.state.spectators += 1;
      this.cancelIdleCheck();
      return;
    }
    const seated = session.seatStudent(options.nickname, options.deviceToken);
    if ("code" in seated) throw joinError(seated);
    // A returning device takes the seat: an older connection still open is closed with 4409, and
    // one waiting to reconnect is closed with 4409 when it comes back (see onReconnect).
    this.seatHolders.set(seated.playerId, client.sessionId);
    for (const other of this.clients) {
      if (other !== client && other.userData?.playerId === seated.playerId) other.leave(HOST_REPLACED_CLOSE_CODE);
    }
    // No StateView for students: the room then encodes one shared patch for all of them, where a
    // view each cost a per-client encoding of every patch. Their own seat comes as OWN_SEAT_MESSAGE
    // with every welcome (see dispatch), not here: a client binds its handlers only once the join resolves.
    client.userData = { seat: "student", playerId: seated.playerId, bucket };
    this.cancelIdleCheck();
    session.engine.checkEveryoneActed();
  }

  override onDrop(client: SessionClient, code?: number): void {
    if (code === undefined || !NETWORK_CLOSE_CODES.has(code) || this.session.phase === "ended") return;
    this.markConnected(client, false);
    // Rejects at once for a client that dropped before its join completed, and when the window
    // passes; Colyseus then calls onLeave, so the rejection needs no handling here.
    this.allowReconnection(client, this.settings.reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: SessionClient): void {
    const playerId = client.userData?.playerId;
    const isStaleStudent = client.userData?.seat === "student" && playerId && this.seatHolders.get(playerId) !== client.sessionId;
    const isStaleHost = client.userData?.seat === "host" && this.hostSessionId !== client.sessionId;
    if (isStaleStudent || isStaleHost) {
      // The same device (or the host key) joined again while this connection was away: that newer join keeps the seat.
      client.leave(HOST_REPLACED_CLOSE_CODE);
      return;
    }
    this.markConnected(client, true);
    // The seat may have changed while the connection was away (the host reassigned the role).
    if (client.userData?.seat === "student") this.sendOwnSeat(client);
    this.cancelIdleCheck();
  }

  override onLeave(client: SessionClient): void {
    this.markConnected(client, false);
    // Frees the view's slot at once (the schema otherwise waits for garbage collection).
    if (client.view) this.views.delete(client.view);
    client.view?.dispose();
    if (client.userData?.seat === "spectator") this.state.spectators = Math.max(0, this.state.spectators - 1);
    if (client.userData?.seat === "host" && this.hostSessionId === client.sessionId) this.hostSessionId = null;
    if (this.clients.length === 0) this.scheduleIdleCheck();
  }

  override async onDispose(): Promise<void> {
    this.patches.stop();
    this.bots?.cancel();
    this.session?.engine.stop();
    await this.record?.finish({ shuttingDown: isShuttingDown() });
    if (this.session) await releaseJoinCode(this.presence, this.session.state.code);
  }

  /** Brings back a session that was live when the server stopped, under its own join code (server/record/). */
  private async restore(recovery: PendingRecovery): Promise<void> {
    const records = this.settings.records;
    const code = recovery.record.code;
    if (!records) throw new Error("sessions can only be restored with a session store");
    if (!(await claimJoinCode(this.presence, code))) throw new Error(`join code ${code} is held by another session`);
    this.roomId = code;
    await this.setPrivate(true);
    this.autoDispose = false;
    const events = {
      onPhase: (phase: Phase) => this.onPhase(phase),
      onKicked: (playerId: string) => this.disconnectPlayer(playerId),
      onMineChanged: (playerId: string) => this.sendMine(playerId),
      onSeatChanged: (playerId: string) => this.sendOwnSeatTo(playerId),
      onEnded: () => this.bots.cancel(),
    };
    const restored = records.restore(recovery, { clock: this.engineClock, events });
    this.session = restored.session;
    this.record = restored.record;
    this.maxClients = this.session.options.maxPlayers * 2 + this.settings.maxSpectators + 4;
    this.interceptUndecodableFrames();
    this.bots = new BotDriver({
      session: this.session,
      clock: this.clock,
      timing: { minDelayMs: this.settings.botMinDelayMs, maxDelayMs: this.settings.botMaxDelayMs },
    });
    this.state = this.session.state;
    restored.resumeBots(this.bots);
    // No creator will connect: the host comes back with their key.
    this.hostClaimed = true;
    this.scheduleIdleCheck();
  }

  override onUncaughtException(error: Error, methodName: string): void {
    // Refusals thrown at create/join are answers, not bugs.
    if ((error as { cause?: unknown }).cause instanceof ServerError) return;
    log.error({ room: this.roomId, method: methodName, err: error }, "uncaught exception");
  }

  /** A phase began, by a request, a deadline or an early end: everyone sees it at once, not at the next tick. */
  private onPhase(phase: Phase): void {
    this.bots.onPhase(phase);
    this.patches.request();
  }

  private dispatch(client: SessionClient, type: MessageType, parsed: z.ZodSafeParseResult<unknown>): unknown {
    const user = client.userData;
    if (!user) return refusal("auth/not-student");
    if (!user.bucket.take()) return refusal("request/rate-limited");
    if (!parsed.success) return refusal("request/invalid-payload", { details: formatIssues(parsed.error) });
    const who = MESSAGES[type].who;
    if (who === "host" && user.seat !== "host") return refusal("auth/not-host");
    if (who === "student" && (user.seat !== "student" || !user.playerId || !this.state.players.has(user.playerId))) return refusal("auth/not-student");
    if (!isAccepted(this.session.phase, type)) return refusal(this.session.phase === "ended" ? "session/ended" : "phase/not-open");
    const ctx: HandlerContext = { session: this.session, bots: this.bots, sender: user, reconnectSeconds: this.settings.reconnectSeconds };
    try {
      const result = (HANDLERS[type] as (c: HandlerContext, p: unknown) => unknown)(ctx, parsed.data);
      if (isRefusal(result)) return result;
      this.patches.request();
      // Sent before the reply on the same socket, so a client has its seat when the welcome resolves.
      if (type === "welcome" && user.seat === "student") this.sendOwnSeat(client);
      return result;
    } catch (error) {
      log.error({ room: this.roomId, request: type, err: error }, "request handler failed");
      return refusal("internal/error" satisfies RefusalCode);
    }
  }

  private becomeHost(client: SessionClient, bucket: RequestBucket): void {
    const previous = this.hostSessionId;
    this.hostSessionId = client.sessionId;
    client.userData = { seat: "host", playerId: null, bucket };
    // The host sees every seat, present and future (who has proposed, voted, endorsed).
    client.view = new StateView();
    client.view.subscribe(this.state.players);
    this.views.add(client.view);
    this.state.hostConnected = true;
    this.cancelIdleCheck();
    if (previous) this.clients.find((c) => c.sessionId === previous)?.leave(HOST_REPLACED_CLOSE_CODE);
  }

  /** Sends a student their own seat as it is now (students hold no seats in their synced state). */
  private sendOwnSeat(client: SessionClient): void {
    const user = client.userData;
    const seat = user?.playerId ? this.state.players.get(user.playerId) : undefined;
    if (!user || !seat) return;
    const message: OwnSeat = { playerId: seat.id, nickname: seat.nickname, roleId: seat.roleId };
    client.send(OWN_SEAT_MESSAGE, message);
  }

  /** The connection a student's seat is held by now (none while they are away). */
  private getCurrentClient(playerId: string): SessionClient | undefined {
    return this.clients.find((c) => c.userData?.playerId === playerId && this.isCurrentConnectionOf(c, playerId));
  }

  /** Sends a student whose seat changed (the host reassigned the role) the seat as it is now; one away gets it on return. */
  private sendOwnSeatTo(playerId: string): void {
    const client = this.getCurrentClient(playerId);
    if (client) this.sendOwnSeat(client);
  }

  /** Sends a student their own choices as they are now, when they changed without a request of theirs. */
  private sendMine(playerId: string): void {
    this.getCurrentClient(playerId)?.send(MINE_MESSAGE, this.session.getMine(playerId));
  }

  private markConnected(client: SessionClient, connected: boolean): void {
    const user = client.userData;
    if (!user) return;
    if (user.seat === "host" && this.hostSessionId === client.sessionId) this.state.hostConnected = connected;
    if (user.seat === "student" && user.playerId && this.isCurrentConnectionOf(client, user.playerId)) this.session.setConnected(user.playerId, connected);
  }

  /** False for an old connection replaced by the same device joining again. */
  private isCurrentConnectionOf(client: SessionClient, playerId: string): boolean {
    return this.seatHolders.get(playerId) === client.sessionId;
  }

  /**
   * Wraps Colyseus's per-frame entry point (bound to each connection at join) so an undecodable
   * data or request frame is answered with a typed refusal and logged in summary, and never
   * reaches Colyseus's decoder (which would disconnect or reply with an untyped error).
   */
  private interceptUndecodableFrames(): void {
    const room = this as unknown as { _onMessage: (client: RawFrameClient, buffer: Buffer) => void };
    const dispatch = room._onMessage.bind(this);
    room._onMessage = (client, buffer) => {
      const verdict = checkFrame(buffer);
      if (verdict.ok) return dispatch(client, buffer);
      answerUndecodable(client, verdict.requestId);
      frameLog.note(`undecodable:${this.roomId}`, (suppressed) =>
        log.warn({ room: this.roomId, suppressedSinceLast: suppressed }, suppressed > 0 ? `${suppressed} more undecodable frames in the last minute` : "undecodable frame refused"),
      );
      return undefined;
    };
  }

  private disconnectPlayer(playerId: string): void {
    for (const c of this.clients) if (c.userData?.playerId === playerId) c.leave(KICKED_CLOSE_CODE);
  }

  /** A session nobody is connected to is closed after `idleMinutes` (autoDispose is off so the host can refresh). */
  private scheduleIdleCheck(): void {
    this.cancelIdleCheck();
    const minutes = this.session.phase === "ended" ? Math.min(1, this.settings.idleMinutes) : this.settings.idleMinutes;
    this.idleTimer = this.clock.setTimeout(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, minutes * 60_000);
  }

  private cancelIdleCheck(): void {
    this.idleTimer?.clear();
    this.idleTimer = null;
  }
}
