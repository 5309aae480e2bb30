// One classroom session's authoritative model: seats, private choices (proposals, endorsements,
// secret votes), moderation and the round cycle. Every action checks everything first and
// returns a Refusal without touching anything, or applies the change and returns its reply.
import { randomBytes } from "node:crypto";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Indicator } from "../../shared/content/vocabulary.ts";
import { hasMoreGraphemesThan } from "../../shared/graphemes.ts";
import type { GameState } from "../../shared/rules/gameState.ts";
import { createInitialState } from "../../shared/rules/gameState.ts";
import type { PolicyMix } from "../../shared/rules/policyMix.ts";
import { drawRoundEvents, resolveRound } from "../../shared/rules/resolveRound.ts";
import type { Rng } from "../../shared/rules/rng.ts";
import { createRng } from "../../shared/rules/rng.ts";
import type { MessagePayload, VoteValue } from "../../shared/protocol/messages.ts";
import { getNicknameSkeleton, isInvisibleNickname, isReservedNickname } from "../../shared/protocol/nicknames.ts";
import type { BotStrategy, SessionOptions } from "../../shared/protocol/options.ts";
import { MAX_BOTS_PER_REQUEST } from "../../shared/protocol/options.ts";
import type { Phase, TimedPhase } from "../../shared/protocol/phases.ts";
import { DEFAULT_PHASE_SECONDS, TIMED_PHASES } from "../../shared/protocol/phases.ts";
import type { Refusal } from "../../shared/protocol/refusals.ts";
import { refusal } from "../../shared/protocol/refusals.ts";
import type { EffectPoint, Mine, YearPoint } from "../../shared/protocol/stateTypes.ts";
import { WordIndex } from "../../shared/protocol/wireCodec.ts";
import { ArgumentState, PlayerState, SessionState } from "../state/SessionState.ts";
import type { EngineClock } from "./phaseEngine.ts";
import { PhaseEngine } from "./phaseEngine.ts";
import type { ActedCheck } from "./phaseTable.ts";
import { clearReveal, getMix, tallyVotes, writeCountry, writeDebrief, writeOrders, writeRoundResult } from "./roundResolution.ts";
import { pickRoleFromCounts, suggestNickname } from "./seats.ts";

/** A seat's choices that never enter the synced state. */
interface SeatPrivate {
  deviceToken: string | null;
  proposal: { policyId: string; argumentId: string | null; figureId: string | null } | null;
  endorsed: Set<string>;
  vote: VoteValue | null;
}

/** One resolved round as the evidence-following bots read it. */
export interface RoundOutcome {
  mix: PolicyMix;
  startIndicators: Record<Indicator, number>;
  endIndicators: Record<Indicator, number>;
}

export interface SessionEvents {
  /** A phase was entered (bots schedule their moves). */
  onPhase(phase: Phase): void;
  /** A seat was removed by the host; the room closes its connection. */
  onKicked(playerId: string): void;
  /** A student's own choices changed without a request of theirs (an endorsement given back); the room tells them. */
  onMineChanged(playerId: string): void;
  /** A student's seat as their phone shows it changed (the host reassigned the role); the room tells them. */
  onSeatChanged(playerId: string): void;
  /** The session reached `ended`. */
  onEnded(): void;
}

export class Session {
  readonly state = new SessionState();
  readonly hostKey: string;
  readonly engine: PhaseEngine;
  readonly scenario: Scenario;
  readonly options: SessionOptions;
  readonly seed: number;
  /** Outcomes of resolved rounds, oldest first. */
  readonly history: RoundOutcome[] = [];
  /** The historical path's years over the rounds played, from the debrief on (empty before). */
  historicalYears: YearPoint[] = [];
  /** Every effect of the last resolved round (the state carries only those a "why" line can show). */
  roundEffects: EffectPoint[] = [];
  /** The class path's years at full precision (the state's travel at the precision views show). */
  readonly classYears: YearPoint[] = [];
  private readonly seats = new Map<string, SeatPrivate>();
  private readonly blockedDevices = new Set<string>();
  /** Skeletons of nicknames the host kicked: nobody may take them again in this session. */
  private readonly blockedNicknames = new Set<string>();
  /** Nickname skeleton → player id, so a join checks uniqueness in constant time. */
  private readonly nicknameOwners = new Map<string, string>();
  /** Seated players per role, kept up to date so seating is constant time (no scan of the class). */
  private readonly roleCounts = new Map<string, number>();
  private nextBotNumber = 1;
  private readonly hiddenArguments = new Map<string, ArgumentState>();
  private readonly argumentAuthors = new Map<string, string>();
  private readonly startIndicators: Record<Indicator, number>;
  private readonly events: SessionEvents;
  private readonly rng: Rng;
  /** The effects' word list (state.words) with its index. */
  private readonly words: WordIndex;
  private game: GameState;
  private nextPlayerNumber = 1;
  private nextArgumentNumber = 1;

  constructor(options: {
    scenario: Scenario;
    options: SessionOptions;
    code: string;
    clock: EngineClock;
    events: SessionEvents;
    now?: () => number;
    /** A restored session keeps the key its host already holds (server/record/). */
    hostKey?: string;
  }) {
    this.hostKey = options.hostKey ?? randomBytes(18).toString("base64url");
    this.scenario = options.scenario;
    this.options = options.options;
    this.events = options.events;
    this.seed = this.options.seed ?? this.scenario.settings.defaultSeed;
    this.rng = createRng(this.seed);
    this.game = createInitialState(this.scenario);
    this.startIndicators = { ...this.game.indicators };

    const s = this.state;
    s.code = options.code;
    s.scenarioId = this.scenario.id;
    s.language = this.options.language;
    s.voteMode = this.options.voteMode;
    s.anonymousArguments = this.options.anonymousArguments;
    s.maxPlayers = this.options.maxPlayers;
    s.endorsementsPerStudent = this.scenario.settings.endorsementsPerStudent;
    s.votePoints = this.scenario.settings.votePoints;
    s.totalRounds = Math.min(this.options.rounds ?? this.scenario.rounds.length, this.scenario.rounds.length);
    for (const p of this.scenario.policies) s.proposalCounts.set(p.id, 0);
    writeOrders(s, this.scenario, Object.keys(this.game.regions));
    this.words = new WordIndex(s.words, (word) => s.words.push(word));
    writeCountry(s, this.game);
    for (const role of this.scenario.roles) s.roleScores.set(role.id, 50);

    const seconds = {} as Record<TimedPhase, number>;
    for (const phase of TIMED_PHASES) seconds[phase] = this.options.timers[phase] ?? DEFAULT_PHASE_SECONDS[phase];
    this.engine = new PhaseEngine({
      flow: s,
      clock: options.clock,
      seconds,
      now: options.now,
      hooks: { onEnter: (phase) => this.enter(phase), hasEveryoneActed: (check) => this.hasEveryoneActed(check) },
    });
  }

  /** The country's indicators now, at full precision (the state's years carry them rounded). */
  get indicators(): Record<Indicator, number> {
    return { ...this.game.indicators };
  }

  get phase(): Phase {
    return this.engine.phase;
  }

  get policyIds(): string[] {
    return this.scenario.policies.map((p) => p.id);
  }

  // ── Seats ────────────────────────────────────────────────────────────────

  /** Taken = the same skeleton as a seated player's nickname (case, accents, look-alike letters ignored) or a kicked one. */
  isNicknameTaken(nickname: string): boolean {
    const key = getNicknameSkeleton(nickname);
    return this.nicknameOwners.has(key) || this.blockedNicknames.has(key);
  }

  isBlocked(deviceToken: string): boolean {
    return this.blockedDevices.has(deviceToken);
  }

  /** The seat a device already holds, for a student coming back (after a refresh or on a new tab). */
  findSeatOfDevice(deviceToken: string): string | null {
    for (const [playerId, seat] of this.seats) if (seat.deviceToken === deviceToken) return playerId;
    return null;
  }

  /** Checks a student join; seats them if allowed. */
  seatStudent(nickname: string, deviceToken: string): Refusal | { playerId: string } {
    if (this.phase === "ended") return refusal("join/session-ended");
    if (this.isBlocked(deviceToken)) return refusal("join/blocked");
    const returning = this.findSeatOfDevice(deviceToken);
    if (returning) {
      this.setConnected(returning, true);
      return { playerId: returning };
    }
    if (isInvisibleNickname(nickname)) return refusal("join/nickname-invisible");
    if (isReservedNickname(nickname)) return refusal("join/nickname-reserved");
    if (this.blockedNicknames.has(getNicknameSkeleton(nickname))) return refusal("join/blocked");
    if (this.isNicknameTaken(nickname)) {
      return refusal("join/nickname-taken", { suggestion: suggestNickname(nickname, (c) => this.isNicknameTaken(c)) });
    }
    if (this.state.players.size >= this.options.maxPlayers) return refusal("join/session-full");
    return { playerId: this.addSeat({ nickname, deviceToken, strategy: null }) };
  }

  addBots(payload: MessagePayload<"addBots">): Refusal | { playerIds: string[] } {
    if (this.state.players.size + payload.count > this.options.maxPlayers) return refusal("session/full");
    if (payload.count > MAX_BOTS_PER_REQUEST) return refusal("host/too-many-bots", { details: `at most ${MAX_BOTS_PER_REQUEST} per request` });
    const playerIds: string[] = [];
    for (let i = 0; i < payload.count; i++) {
      // Bot numbers only grow, so naming costs one lookup per bot rather than a scan from "Bot2".
      let nickname = `Bot ${this.nextBotNumber++}`;
      while (this.isNicknameTaken(nickname)) nickname = `Bot ${this.nextBotNumber++}`;
      playerIds.push(this.addSeat({ nickname, deviceToken: null, strategy: payload.strategy }));
    }
    this.engine.checkEveryoneActed();
    return { playerIds };
  }

  removeBots(payload: MessagePayload<"removeBots">): Refusal | { playerIds: string[] } {
    let ids: string[];
    if ("playerId" in payload) {
      const player = this.state.players.get(payload.playerId);
      if (!player) return refusal("host/unknown-player");
      if (!player.isBot) return refusal("host/not-a-bot");
      ids = [payload.playerId];
    } else {
      ids = [...this.state.players.values()].filter((p) => p.isBot).map((p) => p.id).reverse().slice(0, payload.count);
    }
    for (const id of ids) this.removeSeat(id);
    this.engine.checkEveryoneActed();
    return { playerIds: ids };
  }

  /**
   * Removes a seat and what the host chooses: the student's endorsements always go (they no
   * longer count), their argument stays unless `removeArgument`. A student's device and
   * nickname (by skeleton) are blocked for the rest of the session.
   */
  kick(playerId: string, options: { removeArgument?: boolean } = {}): Refusal | { ok: true } {
    const seat = this.seats.get(playerId);
    const player = this.state.players.get(playerId);
    if (!seat || !player) return refusal("host/unknown-player");
    if (seat.deviceToken) {
      this.blockedDevices.add(seat.deviceToken);
      this.blockedNicknames.add(getNicknameSkeleton(player.nickname));
    }
    for (const argumentId of seat.endorsed) {
      const argument = this.state.arguments.get(argumentId) ?? this.hiddenArguments.get(argumentId);
      if (argument) argument.endorsements = Math.max(0, argument.endorsements - 1);
    }
    seat.endorsed.clear();
    if (options.removeArgument) {
      const authored = [...this.argumentAuthors].filter(([, author]) => author === playerId).map(([id]) => id);
      for (const argumentId of authored) this.deleteArgument(argumentId);
      if (seat.proposal) seat.proposal.argumentId = null;
    }
    this.removeSeat(playerId);
    this.events.onKicked(playerId);
    this.engine.checkEveryoneActed();
    return { ok: true };
  }

  reassignRole(playerId: string, roleId: string): Refusal | { ok: true } {
    const player = this.state.players.get(playerId);
    if (!player) return refusal("host/unknown-player");
    if (!this.scenario.roles.some((r) => r.id === roleId)) return refusal("host/unknown-role");
    this.roleCounts.set(player.roleId, Math.max(0, (this.roleCounts.get(player.roleId) ?? 1) - 1));
    this.roleCounts.set(roleId, (this.roleCounts.get(roleId) ?? 0) + 1);
    const changed = player.roleId !== roleId;
    player.roleId = roleId;
    if (changed) this.events.onSeatChanged(playerId);
    for (const [argumentId, author] of this.argumentAuthors) {
      const arg = this.state.arguments.get(argumentId) ?? this.hiddenArguments.get(argumentId);
      if (author === playerId && arg && arg.round === this.state.round && !this.options.anonymousArguments) arg.authorRoleId = roleId;
    }
    return { ok: true };
  }

  setConnected(playerId: string, connected: boolean): void {
    const player = this.state.players.get(playerId);
    if (!player || player.connected === connected) return;
    player.connected = connected;
    this.state.connectedCount += connected ? 1 : -1;
    if (!connected) this.engine.checkEveryoneActed();
  }

  getMine(playerId: string): Mine {
    const seat = this.seats.get(playerId);
    return {
      proposal: seat?.proposal ? { ...seat.proposal } : null,
      endorsed: seat ? [...seat.endorsed] : [],
      vote: seat?.vote ?? null,
    };
  }

  getStrategy(playerId: string): BotStrategy | null {
    const strategy = this.state.players.get(playerId)?.strategy;
    return strategy ? (strategy as BotStrategy) : null;
  }

  getAuthor(argumentId: string): string | undefined {
    return this.argumentAuthors.get(argumentId);
  }

  // ── Student actions ──────────────────────────────────────────────────────

  propose(playerId: string, payload: MessagePayload<"propose">): Refusal | Mine {
    const seat = this.seats.get(playerId);
    const player = this.state.players.get(playerId);
    if (!seat || !player) return refusal("auth/not-student");
    if (!this.scenario.policies.some((p) => p.id === payload.policyId)) return refusal("propose/unknown-policy");
    if (payload.figureId !== undefined && !this.scenario.figures.some((f) => f.id === payload.figureId)) return refusal("propose/unknown-figure");
    const text = payload.argument ?? "";
    // Counted as a person sees it (an emoji is one character), as the phone counts it.
    if (hasMoreGraphemesThan(text, this.scenario.settings.argumentMaxLength)) return refusal("propose/argument-too-long");

    // A new proposal replaces this round's earlier one, with its argument and its endorsements.
    if (seat.proposal) {
      this.state.proposalCounts.set(seat.proposal.policyId, Math.max(0, (this.state.proposalCounts.get(seat.proposal.policyId) ?? 1) - 1));
      if (seat.proposal.argumentId) this.deleteArgument(seat.proposal.argumentId);
    }
    let argumentId: string | null = null;
    if (text.length > 0) {
      argumentId = `a${this.nextArgumentNumber++}`;
      const anonymous = this.options.anonymousArguments;
      this.state.arguments.set(
        argumentId,
        new ArgumentState({
          id: argumentId,
          round: this.state.round,
          policyId: payload.policyId,
          text,
          figureId: payload.figureId ?? "",
          authorId: anonymous ? "" : playerId,
          authorNickname: anonymous ? "" : player.nickname,
          authorRoleId: anonymous ? "" : player.roleId,
          authorIsBot: player.isBot,
        }),
      );
      this.argumentAuthors.set(argumentId, playerId);
    }
    seat.proposal = { policyId: payload.policyId, argumentId, figureId: payload.figureId ?? null };
    this.state.proposalCounts.set(payload.policyId, (this.state.proposalCounts.get(payload.policyId) ?? 0) + 1);
    player.proposed = true;
    const mine = this.getMine(playerId);
    this.engine.checkEveryoneActed();
    return mine;
  }

  /** Arguments of this round a student may still endorse. */
  getEndorsable(playerId: string): ArgumentState[] {
    const seat = this.seats.get(playerId);
    return [...this.state.arguments.values()].filter(
      (a) => a.round === this.state.round && this.argumentAuthors.get(a.id) !== playerId && !seat?.endorsed.has(a.id),
    );
  }

  endorse(playerId: string, argumentId: string): Refusal | Mine {
    const seat = this.seats.get(playerId);
    const player = this.state.players.get(playerId);
    if (!seat || !player) return refusal("auth/not-student");
    const argument = this.state.arguments.get(argumentId);
    if (!argument || argument.round !== this.state.round) return refusal("debate/unknown-argument");
    if (this.argumentAuthors.get(argumentId) === playerId) return refusal("debate/own-argument");
    if (seat.endorsed.has(argumentId)) return refusal("debate/already-endorsed");
    if (player.endorsementsUsed >= this.scenario.settings.endorsementsPerStudent) return refusal("debate/no-endorsements-left");
    seat.endorsed.add(argumentId);
    argument.endorsements += 1;
    player.endorsementsUsed += 1;
    const mine = this.getMine(playerId);
    this.engine.checkEveryoneActed();
    return mine;
  }

  vote(playerId: string, vote: VoteValue): Refusal | Mine {
    const seat = this.seats.get(playerId);
    const player = this.state.players.get(playerId);
    if (!seat || !player) return refusal("auth/not-student");
    const policyIds = this.policyIds;
    if ("choice" in vote) {
      if (this.options.voteMode !== "single") return refusal("vote/wrong-mode");
      if (!policyIds.includes(vote.choice)) return refusal("vote/unknown-policy");
    } else {
      if (this.options.voteMode !== "points") return refusal("vote/wrong-mode");
      if (Object.keys(vote.points).some((id) => !policyIds.includes(id))) return refusal("vote/unknown-policy");
      const total = Object.values(vote.points).reduce((a, b) => a + b, 0);
      if (total > this.scenario.settings.votePoints) return refusal("vote/over-budget");
      if (total < this.scenario.settings.votePoints) return refusal("vote/under-budget");
    }
    seat.vote = "choice" in vote ? { choice: vote.choice } : { points: { ...vote.points } };
    if (!player.voted) {
      player.voted = true;
      this.state.votesCast += 1;
    }
    const mine = this.getMine(playerId);
    this.engine.checkEveryoneActed();
    return mine;
  }

  // ── Host moderation ──────────────────────────────────────────────────────

  start(): Refusal | { ok: true } {
    if (this.state.players.size === 0) return refusal("session/no-players");
    this.engine.advance();
    return { ok: true };
  }

  spotlight(argumentId: string | null): Refusal | { ok: true } {
    if (argumentId !== null && !this.state.arguments.has(argumentId)) return refusal("host/unknown-argument");
    this.state.spotlightId = argumentId ?? "";
    return { ok: true };
  }

  hideArgument(argumentId: string, hidden: boolean): Refusal | { ok: true } {
    if (hidden) {
      const argument = this.state.arguments.get(argumentId);
      if (!argument) return refusal("host/unknown-argument");
      // Keep a detached copy: the synced instance must not be reused once removed (schema trap 15).
      this.hiddenArguments.set(argumentId, new ArgumentState(argument.toJSON() as ConstructorParameters<typeof ArgumentState>[0]));
      this.state.arguments.delete(argumentId);
      if (this.state.spotlightId === argumentId) this.state.spotlightId = "";
    } else {
      const argument = this.hiddenArguments.get(argumentId);
      if (!argument) return refusal("host/unknown-argument");
      this.hiddenArguments.delete(argumentId);
      this.state.arguments.set(argumentId, argument);
    }
    return { ok: true };
  }

  end(): { ok: true } {
    if (this.phase !== "ended") this.engine.goTo("ended");
    return { ok: true };
  }

  // ── Phase entry ──────────────────────────────────────────────────────────

  private enter(phase: Phase): void {
    const s = this.state;
    if (phase === "briefing") {
      s.round += 1;
      this.resetRound();
      s.eventIds.clear();
      for (const id of drawRoundEvents(this.game, this.scenario)) s.eventIds.push(id);
    } else if (phase === "debate") {
      s.spotlightId = "";
    } else if (phase === "resolve") {
      // The reveal and the results need the whole board: a spotlight from the debate would cover them.
      s.spotlightId = "";
      this.resolve();
    } else if (phase === "debrief") {
      this.historicalYears = writeDebrief({ state: s, scenario: this.scenario, seed: this.seed, startIndicators: this.startIndicators });
    } else if (phase === "ended") {
      this.engine.stop();
      this.events.onEnded();
    }
    this.events.onPhase(phase);
  }

  private resetRound(): void {
    for (const seat of this.seats.values()) {
      seat.proposal = null;
      seat.endorsed.clear();
      seat.vote = null;
    }
    for (const p of this.state.players.values()) {
      p.proposed = false;
      p.voted = false;
      p.endorsementsUsed = 0;
    }
    for (const id of this.policyIds) this.state.proposalCounts.set(id, 0);
    this.state.votesCast = 0;
    this.state.spotlightId = "";
    clearReveal(this.state);
  }

  private resolve(): void {
    const votes = [...this.seats.values()].flatMap((seat) => (seat.vote ? [seat.vote] : []));
    const tally = tallyVotes(votes, this.policyIds);
    const mix = getMix(tally, this.scenario);
    const startIndicators = { ...this.game.indicators };
    const result = resolveRound(this.game, mix, [...this.state.eventIds], this.scenario, this.rng);
    this.game = result.state;
    this.history.push({ mix, startIndicators, endIndicators: { ...result.state.indicators } });
    const written = writeRoundResult({ state: this.state, scenario: this.scenario, words: this.words, result, tally, mix, votes: votes.length, startIndicators: this.startIndicators });
    this.roundEffects = written.effects;
    this.classYears.push(...written.years);
  }

  private hasEveryoneActed(check: ActedCheck): boolean {
    let connected = 0;
    for (const p of this.state.players.values()) {
      if (!p.connected) continue;
      connected++;
      if (check === "proposed" && !p.proposed) return false;
      if (check === "voted" && !p.voted) return false;
      if (check === "endorsed" && p.endorsementsUsed < this.scenario.settings.endorsementsPerStudent && this.getEndorsable(p.id).length > 0) return false;
    }
    return connected > 0;
  }

  // ── Internals ────────────────────────────────────────────────────────────

  private addSeat(options: { nickname: string; deviceToken: string | null; strategy: BotStrategy | null }): string {
    const playerId = `p${this.nextPlayerNumber++}`;
    const roleIds = this.scenario.roles.map((r) => r.id);
    const roleId = pickRoleFromCounts(roleIds, this.roleCounts);
    this.roleCounts.set(roleId, (this.roleCounts.get(roleId) ?? 0) + 1);
    this.nicknameOwners.set(getNicknameSkeleton(options.nickname), playerId);
    this.seats.set(playerId, { deviceToken: options.deviceToken, proposal: null, endorsed: new Set(), vote: null });
    this.state.players.set(
      playerId,
      new PlayerState({ id: playerId, nickname: options.nickname, roleId, isBot: options.strategy !== null, strategy: options.strategy ?? "", connected: true }),
    );
    this.state.playerCount += 1;
    if (options.strategy === null) this.state.studentCount += 1;
    this.state.connectedCount += 1;
    return playerId;
  }

  private removeSeat(playerId: string): void {
    const seat = this.seats.get(playerId);
    const player = this.state.players.get(playerId);
    if (!seat || !player) return;
    // Their endorsements and proposal stay counted only while they sit; their vote leaves with them.
    if (seat.proposal) {
      const id = seat.proposal.policyId;
      this.state.proposalCounts.set(id, Math.max(0, (this.state.proposalCounts.get(id) ?? 1) - 1));
    }
    if (player.voted) this.state.votesCast = Math.max(0, this.state.votesCast - 1);
    if (player.connected) this.state.connectedCount = Math.max(0, this.state.connectedCount - 1);
    if (!player.isBot) this.state.studentCount = Math.max(0, this.state.studentCount - 1);
    this.state.playerCount = Math.max(0, this.state.playerCount - 1);
    this.roleCounts.set(player.roleId, Math.max(0, (this.roleCounts.get(player.roleId) ?? 1) - 1));
    this.nicknameOwners.delete(getNicknameSkeleton(player.nickname));
    this.seats.delete(playerId);
    this.state.players.delete(playerId);
  }

  private deleteArgument(argumentId: string): void {
    this.state.arguments.delete(argumentId);
    this.hiddenArguments.delete(argumentId);
    this.argumentAuthors.delete(argumentId);
    if (this.state.spotlightId === argumentId) this.state.spotlightId = "";
    for (const [playerId, seat] of this.seats) {
      if (seat.endorsed.delete(argumentId)) {
        const p = this.state.players.get(playerId);
        if (p) p.endorsementsUsed = Math.max(0, p.endorsementsUsed - 1);
        this.events.onMineChanged(playerId);
      }
    }
  }
}
