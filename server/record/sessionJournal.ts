// Journals a live Session: wraps its recorded calls (and its engine's) so every accepted one is
// handed to a sink together with the phases it entered, in the order they happened. Calls made
// inside another recorded call (start → advance) belong to the outer one. Refused calls change
// nothing (Session's contract) and are not journaled. Device tokens are hashed before the
// Session ever sees them, so neither memory nor the record holds a raw token.
import { createHash } from "node:crypto";
import type { Phase } from "../../shared/protocol/phases.ts";
import type { Session } from "../session/Session.ts";
import type { JournalEntry } from "../storage/SessionStore.ts";
import { ENGINE_CALLS, SESSION_CALLS, isRefusalResult } from "./recordedCalls.ts";

export function hashDeviceToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export interface JournalSink {
  /** One outermost accepted call with the phases it entered, or phases entered on their own. */
  write(entries: JournalEntry[]): void;
  /** An outermost call was accepted (after it was written). */
  onAccepted?(target: "session" | "engine", method: string): void;
}

export class SessionJournal {
  /** Off while a record is replayed into the session: calls pass straight through. */
  recording = false;
  /** Phase changes so far (the lobby is the 0th). */
  phasesEntered = 0;
  /** The phase entered at each change, 1-based, for checking a replay. */
  readonly phaseHistory: Phase[] = [];
  private depth = 0;
  private pending: JournalEntry[] = [];
  private sink: JournalSink | null = null;
  private readonly session: Session;

  constructor(session: Session) {
    this.session = session;
    for (const method of SESSION_CALLS) this.wrap(session, "session", method);
    for (const method of ENGINE_CALLS) this.wrap(session.engine, "engine", method);
    this.wrapGoTo();
  }

  /** Starts journaling into `sink`. */
  startRecording(sink: JournalSink): void {
    this.sink = sink;
    this.recording = true;
  }

  private wrap(target: object, targetName: "session" | "engine", method: string): void {
    const holder = target as Record<string, (...args: unknown[]) => unknown>;
    const original = holder[method];
    if (typeof original !== "function") throw new Error(`cannot journal ${targetName}.${method}: not a method`);
    const bound = original.bind(target);
    holder[method] = (...rawArgs: unknown[]) => {
      if (!this.recording) return bound(...rawArgs);
      const args = method === "seatStudent" ? hashSeatArgs(rawArgs) : rawArgs;
      const seatBefore = method === "seatStudent" ? this.session.findSeatOfDevice(String(args[1])) : null;
      const outermost = this.depth === 0;
      this.depth++;
      let result: unknown;
      try {
        result = bound(...args);
      } finally {
        this.depth--;
      }
      if (!outermost) return result;
      // A returning device is not a new seat: only seats that did not exist are journaled.
      const accepted = !isRefusalResult(result) && !(method === "seatStudent" && seatBefore !== null);
      const call: JournalEntry = { kind: "call", target: targetName, method, args: toJson(args) };
      if (accepted && (method === "seatStudent" || method === "addBots")) call.seats = this.describeSeats(result);
      const entries: JournalEntry[] = accepted ? [call, ...this.pending] : this.pending;
      this.pending = [];
      if (entries.length > 0) this.sink?.write(entries);
      if (accepted) this.sink?.onAccepted?.(targetName, method);
      return result;
    };
  }

  /** The seats a seating call created, as the record keeps them (nickname, role; never a token). */
  describeSeats(result: unknown): { playerId: string; nickname: string; roleId: string }[] {
    const r = result as { playerId?: string; playerIds?: string[] };
    const ids = r.playerIds ?? (r.playerId ? [r.playerId] : []);
    return ids.flatMap((id) => {
      const p = this.session.state.players.get(id);
      return p ? [{ playerId: id, nickname: p.nickname, roleId: p.roleId }] : [];
    });
  }

  private wrapGoTo(): void {
    const engine = this.session.engine;
    const original = engine.goTo.bind(engine);
    engine.goTo = (phase: Phase) => {
      // Noted before entering, so a phase entered inside this one's entry comes after it.
      this.phasesEntered += 1;
      this.phaseHistory.push(phase);
      const note: JournalEntry = { kind: "phase", phase, index: this.phasesEntered };
      if (this.recording) {
        if (this.depth > 0) this.pending.push(note);
        else this.sink?.write([note]);
      }
      original(phase);
    };
  }
}

function hashSeatArgs(args: unknown[]): unknown[] {
  const [nickname, token, ...rest] = args;
  return [nickname, typeof token === "string" ? hashDeviceToken(token) : token, ...rest];
}

/** A JSON copy of the arguments; trailing undefined ones are dropped so defaults apply again on replay. */
function toJson(args: unknown[]): unknown[] {
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
  return JSON.parse(JSON.stringify(trimmed)) as unknown[];
}
