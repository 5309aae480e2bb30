// The record side of the server: starts a record for each new session and journals it, restores
// the sessions that were live when the process stopped (replay, then paused), keeps a heartbeat,
// closes records when sessions end, and purges ended ones after the retention period.
import { randomBytes } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { SessionOptions } from "../../shared/protocol/options.ts";
import { ROOM_NAME } from "../../shared/protocol/options.ts";
import type { BotDriver } from "../bots/BotDriver.ts";
import { releaseJoinCode } from "../joinCodes.ts";
import type { Logger } from "../log/logger.ts";
import { isProcessAlive } from "../matchmaking/processHeartbeat.ts";
import type { EngineClock } from "../session/phaseEngine.ts";
import type { Session, SessionEvents } from "../session/Session.ts";
import type { JournalEntry, JournalEvent, SessionRecord, SessionStore, SessionSummary } from "../storage/SessionStore.ts";
import { ReportSchema, type Report } from "../../shared/report/reportSchema.ts";
import { buildReport } from "../report/buildReport.ts";
import { HOST_TIMER_CALLS } from "./recordedCalls.ts";
import { forgetRecovery, registerRecovery, type PendingRecovery } from "./recoveryTokens.ts";
import { applyRestoredPause, replaySession } from "./replaySession.ts";
import { SessionJournal } from "./sessionJournal.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often live sessions' heartbeat is written: a restored countdown is off by at most this. */
export const HEARTBEAT_MS = 5000;
/**
 * A live record whose heartbeat is younger than this may belong to a process that is still
 * running (two servers on one data folder, or several behind Redis): it is restored only once
 * its heartbeat has stopped for this long.
 */
export const STALE_MS = HEARTBEAT_MS * 2.5;
/** A restored countdown never comes back with less than this left. */
const MIN_RESTORED_MS = 5000;

export function getSummary(session: Session): SessionSummary {
  const s = session.state;
  return { phase: session.phase, round: s.round, totalRounds: s.totalRounds, students: s.studentCount, roundsPlayed: session.history.length };
}

/** The journal writer of one live session. Writes are queued so they reach the store in order. */
export class LiveRecord {
  readonly id: string;
  private nextSeq: number;
  private chain: Promise<void> = Promise.resolve();
  private ended = false;
  private readonly owner: SessionRecords;
  private readonly session: Session;

  constructor(options: { id: string; session: Session; nextSeq: number; owner: SessionRecords }) {
    this.id = options.id;
    this.session = options.session;
    this.nextSeq = options.nextSeq;
    this.owner = options.owner;
  }

  write(entries: JournalEntry[]): void {
    const at = Date.now();
    const events: JournalEvent[] = entries.map((entry) => ({ seq: this.nextSeq++, at, entry }));
    const summary = getSummary(this.session);
    const endsNow = !this.ended && entries.some((e) => e.kind === "phase" && e.phase === "ended");
    if (endsNow) this.ended = true;
    // Handed to the store at once (it keeps a session's appends in order), so that a room's next
    // state patch, which commits what is queued first (SessionRecords.commitPendingWrites), never
    // shows an action that is not on disk; what follows it waits in the chain.
    const appended = this.owner.store.append(this.id, events, summary);
    appended.catch(() => undefined);
    this.enqueue(async () => {
      await appended;
      if (endsNow) {
        await this.owner.store.markEnded(this.id, at);
        await this.owner.keepReport(this.id);
      }
    });
  }

  /** Resolves once this session's journal writes so far are committed (or failed); never rejects. */
  whenCommitted(): Promise<void> {
    return this.owner.store.whenCommitted(this.id);
  }

  /** Waits until every write so far is in the store. */
  flush(): Promise<void> {
    return this.chain;
  }

  /**
   * The room is going away. On a server shutdown the record stays live (restored at the next
   * start); otherwise the session is over: ended, or deleted if it never left an empty lobby.
   */
  async finish(options: { shuttingDown: boolean }): Promise<void> {
    this.owner.forget(this);
    if (options.shuttingDown && !this.ended) {
      // Let go for the next start, which restores it at once; its countdown is measured from now.
      // Its report so far is kept too: should an update of the app make the record unreplayable,
      // the class still has it.
      this.enqueue(async () => {
        await this.owner.store.release(this.id, Date.now());
        await this.owner.keepReport(this.id);
      });
    } else if (!this.ended) {
      this.ended = true;
      const summary = getSummary(this.session);
      const isEmptyLobby = summary.phase === "lobby" && this.session.state.players.size === 0;
      this.enqueue(async () => {
        if (isEmptyLobby) await this.owner.store.delete(this.id);
        else {
          await this.owner.store.markEnded(this.id, Date.now());
          await this.owner.keepReport(this.id);
        }
      });
    }
    await this.flush();
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch((error: unknown) => this.owner.log.error({ err: error, session: this.id }, "could not write the session record"));
  }
}

export class SessionRecords {
  readonly store: SessionStore;
  readonly log: Logger;
  private readonly retentionDays: number;
  private readonly live = new Set<LiveRecord>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  /** Restores waiting for a heartbeat to go stale. */
  private readonly deferred = new Map<string, ReturnType<typeof setTimeout>>();
  private purger: ReturnType<typeof setInterval> | null = null;

  constructor(options: { store: SessionStore; retentionDays: number; log: Logger }) {
    this.store = options.store;
    this.retentionDays = options.retentionDays;
    this.log = options.log;
  }

  /** Commits the journal writes the store has queued (called before a room sends a state patch). */
  commitPendingWrites(): void {
    this.store.commitPending?.();
  }

  /** Creates the tables, purges expired records, and starts the heartbeat and the daily purge. */
  async start(): Promise<void> {
    await this.store.init();
    await this.purge();
    this.heartbeat = setInterval(() => {
      const ids = [...this.live].map((r) => r.id);
      this.store.touch(ids, Date.now()).catch((error: unknown) => this.log.error({ err: error }, "session heartbeat failed"));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    this.purger = setInterval(() => void this.purge(), DAY_MS);
    this.purger.unref();
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.purger) clearInterval(this.purger);
    this.heartbeat = this.purger = null;
    for (const timer of this.deferred.values()) clearTimeout(timer);
    this.deferred.clear();
    await Promise.all([...this.live].map((r) => r.flush()));
    await this.store.close();
  }

  /** Deletes ended sessions older than the retention period. */
  async purge(now = Date.now()): Promise<number> {
    try {
      const purged = await this.store.purgeEndedBefore(now - this.retentionDays * DAY_MS);
      if (purged > 0) this.log.info({ purged, retentionDays: this.retentionDays }, "purged expired session records");
      return purged;
    } catch (error) {
      this.log.error({ err: error }, "could not purge expired session records");
      return 0;
    }
  }

  /** Starts the record of a new session and journals everything it accepts from now on. */
  async begin(session: Session, info: { scenario: Scenario; options: SessionOptions }): Promise<LiveRecord> {
    const id = randomBytes(12).toString("base64url");
    const now = Date.now();
    await this.store.create(
      {
        id,
        code: session.state.code,
        hostKey: session.hostKey,
        scenarioId: info.scenario.id,
        scenarioVersion: info.scenario.version,
        scenarioTitle: info.scenario.title[info.options.language],
        scenarioJson: JSON.stringify(info.scenario),
        optionsJson: JSON.stringify(info.options),
        language: info.options.language,
        createdAt: now,
      },
      getSummary(session),
    );
    const record = new LiveRecord({ id, session, nextSeq: 1, owner: this });
    new SessionJournal(session).startRecording({ write: (entries) => record.write(entries) });
    this.live.add(record);
    return record;
  }

  /**
   * Rebuilds a session from its record inside the room restoring it. It comes back in the phase
   * it was in, paused with the time that was left (at the last heartbeat), nobody connected, and
   * early phase ends held until the host resumes or advances: after a restart the class needs
   * time to reconnect before a countdown or an "everyone has voted" can end the phase.
   */
  restore(recovery: PendingRecovery, room: { clock: EngineClock; events: SessionEvents }): { session: Session; record: LiveRecord; resumeBots(bots: BotDriver): void } {
    const { record: stored, events } = recovery;
    const { session, journal, time } = replaySession({ record: stored, events, sessionEvents: room.events });
    for (const p of session.state.players.values()) if (!p.isBot) session.setConnected(p.id, false);
    const pausedRemainingMs = session.state.endsAt > 0 ? Math.max(MIN_RESTORED_MS, session.state.endsAt - stored.aliveAt) : 0;
    applyRestoredPause(session, pausedRemainingMs);
    time.goLive(room.clock);
    const lastSeq = events.length > 0 ? (events[events.length - 1]?.seq ?? 0) : 0;
    const record = new LiveRecord({ id: stored.id, session, nextSeq: lastSeq + 1, owner: this });
    journal.startRecording({
      write: (entries) => record.write(entries),
      onAccepted: (target, method) => {
        const isHostGo = (target === "engine" && HOST_TIMER_CALLS.has(method)) || (target === "session" && method === "start");
        if (!isHostGo || !session.engine.holdEarlyEnds) return;
        session.engine.holdEarlyEnds = false;
        // Everyone may have acted while the phase was held (or before the restart): end it now, as live.
        session.engine.checkEveryoneActed();
      },
    });
    // Journaled so a later replay pauses at the same point with the same time left.
    record.write([{ kind: "restored", pausedRemainingMs }]);
    this.live.add(record);
    return {
      session,
      record,
      resumeBots: (bots) => {
        const perStudent = session.scenario.settings.endorsementsPerStudent;
        const waiting = [...session.state.players.values()].filter(
          (p) =>
            p.isBot &&
            ((session.phase === "propose" && !p.proposed) || (session.phase === "vote" && !p.voted) || (session.phase === "debate" && p.endorsementsUsed < perStudent)),
        );
        bots.onBotsAdded(waiting.map((p) => p.id));
      },
    };
  }

  /**
   * Restores every live record no running process holds: one room per session, under its own
   * join code. A record that cannot be replayed is ended (and logged) rather than retried forever.
   */
  async recoverAll(now = Date.now()): Promise<string[]> {
    const restored: string[] = [];
    for (const record of await this.store.listLive()) {
      const wait = record.aliveAt + STALE_MS - now;
      if (record.held && wait > 0) {
        this.recoverLater(record, wait);
        continue;
      }
      if (await this.recoverOne(record)) restored.push(record.code);
    }
    return restored;
  }

  private recoverLater(record: SessionRecord, ms: number): void {
    const timer = setTimeout(() => {
      void (async () => {
        try {
          // Still the heartbeat it had: nobody holds it any more.
          const current = await this.store.get(record.id);
          if (current && current.endedAt === null && (current.aliveAt === record.aliveAt || !current.held)) await this.recoverOne(current);
        } catch (error) {
          this.log.error({ err: error, code: record.code }, "could not restore a session");
        } finally {
          this.deferred.delete(record.id);
        }
      })();
    }, ms);
    this.deferred.set(record.id, timer);
  }

  private async recoverOne(record: SessionRecord): Promise<boolean> {
    const listing = await matchMaker.driver.findOne({ roomId: record.code });
    if (listing && (await isProcessAlive(listing.processId))) return false;
    if (!(await this.store.claim(record.id, record.aliveAt, Date.now()))) return false;
    // No running process holds it and this one won the claim: a reservation of its code left in a
    // shared presence (Redis) by the dead process is stale.
    await releaseJoinCode(matchMaker.presence, record.code);
    const options = registerRecovery({ record, events: await this.store.events(record.id) });
    try {
      await matchMaker.createRoom(ROOM_NAME, options);
      this.log.info({ code: record.code, phase: record.summary.phase, round: record.summary.round }, "session restored from its record");
      return true;
    } catch (error) {
      forgetRecovery(options);
      this.log.error({ err: error, code: record.code }, "could not restore a session; its record is closed");
      await this.store.markEnded(record.id, Date.now());
      return false;
    }
  }

  /** Builds and keeps a session's report (final once it ended), so app updates never change it. */
  async keepReport(id: string): Promise<void> {
    const record = await this.store.get(id);
    if (!record) return;
    try {
      await this.store.saveReport(id, JSON.stringify(buildReport(record, await this.store.events(id))));
    } catch (error) {
      // The report is then rebuilt from the journal whenever it is asked for.
      this.log.error({ err: error, code: record.code }, "could not build the report of a session to keep");
    }
  }

  /**
   * The report of a session: the one kept when it ended; otherwise rebuilt from its journal, or,
   * if the journal no longer replays (an update of the app changed the scenario schema or the
   * rules), the last one kept.
   */
  async getReport(record: SessionRecord): Promise<Report> {
    const kept = record.reportJson === null ? null : ReportSchema.safeParse(JSON.parse(record.reportJson));
    if (record.endedAt !== null && kept?.success) return kept.data;
    try {
      await this.findLive(record.id)?.flush();
      return buildReport(record, await this.store.events(record.id));
    } catch (error) {
      if (kept?.success) return kept.data;
      throw error;
    }
  }

  forget(record: LiveRecord): void {
    this.live.delete(record);
  }

  /** The live record of a session held by this process, if any. */
  findLive(id: string): LiveRecord | undefined {
    for (const r of this.live) if (r.id === id) return r;
    return undefined;
  }
}
