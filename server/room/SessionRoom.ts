// The Colyseus room shell of a session: create/join/leave/reconnect lifecycle and request
// dispatch (validate → rate limit → authorise → phase check → handler). Game logic lives in
// Session; this file only connects it to clients.
import { Room, ServerError, validate, type Client } from "@colyseus/core";
import type { z } from "zod";
import { MESSAGES, MESSAGE_TYPES, type MessageType } from "../../shared/protocol/messages.ts";
import { CreateOptionsSchema, JoinOptionsSchema, type SessionOptions } from "../../shared/protocol/options.ts";
import {
  CREATE_ERROR_STATUS,
  HOST_REPLACED_CLOSE_CODE,
  JOIN_ERROR_STATUS,
  KICKED_CLOSE_CODE,
  refusal,
  type Refusal,
  type RefusalCode,
} from "../../shared/protocol/refusals.ts";
import { REFUSED_MESSAGE } from "../../shared/protocol/stateTypes.ts";
import { BotDriver } from "../bots/BotDriver.ts";
import { releaseJoinCode, reserveJoinCode } from "../joinCodes.ts";
import type { ScenarioStore } from "../scenarioStore.ts";
import { isAccepted } from "../session/phaseTable.ts";
import { Session } from "../session/Session.ts";
import type { SessionState } from "../state/SessionState.ts";
import { HANDLERS, isRefusal, type HandlerContext, type Sender } from "./handlers.ts";
import { RequestBucket } from "./requestBucket.ts";

/** Server-wide settings a session room needs (from server/config.ts, or short ones in tests). */
export interface SessionRoomSettings {
  scenarios: ScenarioStore;
  defaultScenarioId: string;
  reconnectSeconds: number;
  idleMinutes: number;
  requestsPerSecond: number;
  botMinDelayMs: number;
  botMaxDelayMs: number;
}

interface UserData extends Sender {
  bucket: RequestBucket;
}

type SessionClient = Client<{ userData: UserData }>;

/** Close codes after which the client may come back (network trouble, not a decision). */
const NETWORK_CLOSE_CODES = new Set([1001, 1005, 1006, 4010]);
/** Extra connections allowed beyond the seats: the host and spectators (projectors). */
const NON_SEAT_CONNECTIONS = 100;

function joinError(r: Refusal): ServerError {
  return new ServerError(JOIN_ERROR_STATUS, JSON.stringify(r));
}

function createError(r: Refusal): ServerError {
  return new ServerError(CREATE_ERROR_STATUS, JSON.stringify(r));
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

  override maxMessagesPerSecond = 40;
  private session!: Session;
  private bots!: BotDriver;
  private hostSessionId: string | null = null;
  private hostClaimed = false;
  private idleTimer: { clear(): void } | null = null;

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
          return result;
        }),
      ]),
    ),
    _: (client: Client, type: unknown) => {
      client.send(REFUSED_MESSAGE, refusal("request/unknown-type", { details: String(type).slice(0, 80) }));
    },
  };

  get settings(): SessionRoomSettings {
    return (this.constructor as typeof SessionRoom).settings;
  }

  override async onCreate(rawOptions: unknown): Promise<void> {
    const parsed = CreateOptionsSchema.safeParse(rawOptions ?? {});
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
    this.maxClients = options.maxPlayers + NON_SEAT_CONNECTIONS;

    this.session = new Session({
      scenario,
      options,
      code,
      clock: this.clock,
      events: {
        onPhase: (phase) => this.bots.onPhase(phase),
        onKicked: (playerId) => this.disconnectPlayer(playerId),
        onEnded: () => this.bots.cancel(),
      },
    });
    this.bots = new BotDriver({
      session: this.session,
      clock: this.clock,
      timing: { minDelayMs: this.settings.botMinDelayMs, maxDelayMs: this.settings.botMaxDelayMs },
    });
    this.state = this.session.state;
    this.scheduleIdleCheck();
  }

  override onJoin(client: SessionClient, rawOptions: unknown): void {
    const session = this.session;
    const bucket = new RequestBucket(this.settings.requestsPerSecond);
    if (!this.hostClaimed && CreateOptionsSchema.safeParse(rawOptions ?? {}).success) {
      this.hostClaimed = true;
      this.becomeHost(client, bucket);
      return;
    }
    const parsed = JoinOptionsSchema.safeParse(rawOptions ?? {});
    if (!parsed.success) throw joinError(refusal("join/invalid-options", { details: formatIssues(parsed.error) }));
    const options = parsed.data;
    if (options.as === "host") {
      if (options.hostKey !== session.hostKey) throw joinError(refusal("auth/bad-host-key"));
      this.becomeHost(client, bucket);
      return;
    }
    if (session.phase === "ended") throw joinError(refusal("join/session-ended"));
    if (options.as === "spectator") {
      client.userData = { seat: "spectator", playerId: null, bucket };
      session.state.spectators += 1;
      this.cancelIdleCheck();
      return;
    }
    const seated = session.seatStudent(options.nickname, options.deviceToken);
    if ("code" in seated) throw joinError(seated);
    // A returning device replaces a stale connection that still holds its seat.
    for (const other of this.clients) {
      if (other !== client && other.userData?.playerId === seated.playerId) other.leave(HOST_REPLACED_CLOSE_CODE);
    }
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
    this.markConnected(client, true);
    this.cancelIdleCheck();
  }

  override onLeave(client: SessionClient): void {
    this.markConnected(client, false);
    if (client.userData?.seat === "spectator") this.state.spectators = Math.max(0, this.state.spectators - 1);
    if (client.userData?.seat === "host" && this.hostSessionId === client.sessionId) this.hostSessionId = null;
    if (this.clients.length === 0) this.scheduleIdleCheck();
  }

  override async onDispose(): Promise<void> {
    this.bots?.cancel();
    this.session?.engine.stop();
    if (this.session) await releaseJoinCode(this.presence, this.session.state.code);
  }

  override onUncaughtException(error: Error, methodName: string): void {
    // Refusals thrown at create/join are answers, not bugs.
    if ((error as { cause?: unknown }).cause instanceof ServerError) return;
    console.error(`[session ${this.roomId}] uncaught exception in ${methodName}:`, error);
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
      return (HANDLERS[type] as (c: HandlerContext, p: unknown) => unknown)(ctx, parsed.data);
    } catch (error) {
      console.error(`[session ${this.roomId}] ${type} failed:`, error);
      return refusal("internal/error" satisfies RefusalCode);
    }
  }

  private becomeHost(client: SessionClient, bucket: RequestBucket): void {
    const previous = this.hostSessionId;
    this.hostSessionId = client.sessionId;
    client.userData = { seat: "host", playerId: null, bucket };
    this.state.hostConnected = true;
    this.cancelIdleCheck();
    if (previous) this.clients.find((c) => c.sessionId === previous)?.leave(HOST_REPLACED_CLOSE_CODE);
  }

  private markConnected(client: SessionClient, connected: boolean): void {
    const user = client.userData;
    if (!user) return;
    if (user.seat === "host" && this.hostSessionId === client.sessionId) this.state.hostConnected = connected;
    if (user.seat === "student" && user.playerId && this.isCurrentConnectionOf(client, user.playerId)) this.session.setConnected(user.playerId, connected);
  }

  /** False for an old connection replaced by the same device joining again. */
  private isCurrentConnectionOf(client: SessionClient, playerId: string): boolean {
    return !this.clients.some((c) => c !== client && c.userData?.playerId === playerId);
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
