// Rebuilds a Session from its record: the same scenario (as stored), options, seed and host key,
// then every journaled call replayed through the same Session code and pure rules, with the
// recorded phase changes applied where the live session made them (timers, early ends). The
// clock and `now` are the recorded times, so deadlines come out as they were.
import { ScenarioSchema, type Scenario } from "../../shared/content/scenarioSchema.ts";
import { CreateOptionsSchema, type SessionOptions } from "../../shared/protocol/options.ts";
import { runAfterNextPatch, type EngineClock } from "../session/phaseEngine.ts";
import { Session, type SessionEvents } from "../session/Session.ts";
import type { JournalEvent, SessionRecord } from "../storage/SessionStore.ts";
import { isEngineCall, isSessionCall } from "./recordedCalls.ts";
import { SessionJournal } from "./sessionJournal.ts";

export class ReplayError extends Error {}

/** Looks at the session while it is replayed (the report reads each round as it resolves). */
export interface ReplayObserver {
  beforeEvent?(session: Session, event: JournalEvent): void;
  /** Every phase entered, right after its entry ran. */
  onPhase?(session: Session, phase: string): void;
}

/** A clock and `now` that follow the record while replaying and the real ones afterwards. */
export class ReplayTime implements EngineClock {
  /** Recorded time of the event being replayed; null once live. */
  replayAt: number | null;
  private live: EngineClock | null = null;

  constructor(start: number) {
    this.replayAt = start;
  }

  now = (): number => this.replayAt ?? Date.now();

  setTimeout(fn: () => void, ms: number): { clear(): void } {
    // Timers started while replaying never fire: the record already says what happened next.
    if (this.live === null) return { clear: () => undefined };
    return this.live.setTimeout(fn, ms);
  }

  afterNextPatch(fn: () => void): { clear(): void } {
    if (this.live === null) return { clear: () => undefined };
    return runAfterNextPatch(this.live, fn);
  }

  goLive(clock: EngineClock): void {
    this.replayAt = null;
    this.live = clock;
  }
}

export interface ReplayResult {
  session: Session;
  journal: SessionJournal;
  time: ReplayTime;
  scenario: Scenario;
  options: SessionOptions;
}

/**
 * Replays `events` into a new Session. Session events go to `events` only after `goLive`
 * (pass a gate), to the observer always. Early phase ends stay held when it returns.
 */
export function replaySession(options: {
  record: SessionRecord;
  events: readonly JournalEvent[];
  sessionEvents?: SessionEvents;
  observer?: ReplayObserver;
}): ReplayResult {
  const { record, observer } = options;
  const parsedScenario = ScenarioSchema.safeParse(JSON.parse(record.scenarioJson));
  const parsedOptions = CreateOptionsSchema.safeParse(JSON.parse(record.optionsJson));
  if (!parsedScenario.success || !parsedOptions.success) {
    const issue = (parsedScenario.error ?? parsedOptions.error)?.issues[0];
    throw new ReplayError(`session ${record.code}: its stored scenario or settings no longer fit this version of the app (${issue?.path.join(".") ?? ""}: ${issue?.message ?? ""})`);
  }
  const scenario = parsedScenario.data;
  const sessionOptions = parsedOptions.data;
  const time = new ReplayTime(record.createdAt);
  let session: Session | null = null;
  const target = options.sessionEvents;
  session = new Session({
    scenario,
    options: sessionOptions,
    code: record.code,
    clock: time,
    now: time.now,
    hostKey: record.hostKey,
    events: {
      onPhase: (phase) => {
        if (session) observer?.onPhase?.(session, phase);
        if (time.replayAt === null) target?.onPhase(phase);
      },
      onKicked: (playerId) => {
        if (time.replayAt === null) target?.onKicked(playerId);
      },
      onMineChanged: (playerId) => {
        if (time.replayAt === null) target?.onMineChanged(playerId);
      },
      onSeatChanged: (playerId) => {
        if (time.replayAt === null) target?.onSeatChanged(playerId);
      },
      onEnded: () => {
        if (time.replayAt === null) target?.onEnded();
      },
    },
  });
  const journal = new SessionJournal(session);
  session.engine.holdEarlyEnds = true;

  for (const event of options.events) {
    time.replayAt = event.at;
    observer?.beforeEvent?.(session, event);
    applyEvent(session, journal, event);
  }
  return { session, journal, time, scenario, options: sessionOptions };
}

/** How a restored session comes back: a running countdown paused with the time that was left. */
export function applyRestoredPause(session: Session, pausedRemainingMs: number): void {
  if (pausedRemainingMs <= 0 || session.state.endsAt <= 0) return;
  session.state.endsAt = 0;
  session.state.pausedRemainingMs = pausedRemainingMs;
}

function applyEvent(session: Session, journal: SessionJournal, event: JournalEvent): void {
  const entry = event.entry;
  if (entry.kind === "restored") {
    applyRestoredPause(session, entry.pausedRemainingMs);
    return;
  }
  if (entry.kind === "phase") {
    if (entry.index <= journal.phasesEntered) {
      // Already entered by the call replayed just before it; the two must agree.
      if (journal.phaseHistory[entry.index - 1] !== entry.phase) {
        throw new ReplayError(`event ${event.seq}: phase change ${entry.index} was ${entry.phase} but the replay entered ${journal.phaseHistory[entry.index - 1] ?? "nothing"}`);
      }
      return;
    }
    if (entry.index !== journal.phasesEntered + 1) throw new ReplayError(`event ${event.seq}: phase change ${entry.index} follows ${journal.phasesEntered}`);
    session.engine.goTo(entry.phase);
    return;
  }
  const { method, args } = entry;
  let result: unknown;
  if (entry.target === "session" && isSessionCall(method)) {
    result = (session[method] as (...a: unknown[]) => unknown).apply(session, args);
  } else if (entry.target === "engine" && isEngineCall(method)) {
    result = (session.engine[method] as (...a: unknown[]) => unknown).apply(session.engine, args);
  } else {
    throw new ReplayError(`event ${event.seq}: ${entry.target}.${method} is not a recorded call`);
  }
  if (typeof result === "object" && result !== null && "code" in result && "message" in result && !("ok" in result)) {
    throw new ReplayError(`event ${event.seq}: ${entry.target}.${method} was accepted live but refused on replay (${String((result as { code: unknown }).code)})`);
  }
  if (entry.seats && JSON.stringify(journal.describeSeats(result)) !== JSON.stringify(entry.seats)) {
    throw new ReplayError(`event ${event.seq}: ${method} seated ${JSON.stringify(entry.seats)} live but ${JSON.stringify(journal.describeSeats(result))} on replay`);
  }
}
