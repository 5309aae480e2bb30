// Runs the session's bots inside the room (no network): on each acting phase every bot makes its
// move after a short seeded delay, through the same Session actions students use.
import { createRng } from "../../shared/rules/rng.ts";
import type { Rng } from "../../shared/rules/rng.ts";
import type { Phase } from "../../shared/protocol/phases.ts";
import type { Session } from "../session/Session.ts";
import type { EngineClock } from "../session/phaseEngine.ts";
import { pickBotArgument } from "./botArguments.ts";
import { getBotVote, pickPolicy, rankEndorsements } from "./strategies.ts";

export interface BotTiming {
  minDelayMs: number;
  maxDelayMs: number;
}

export class BotDriver {
  private readonly session: Session;
  private readonly clock: EngineClock;
  private readonly timing: BotTiming;
  private readonly rng: Rng;
  private pending: { clear(): void }[] = [];
  /** The policy each bot backs this round. */
  private readonly choices = new Map<string, string>();

  constructor(options: { session: Session; clock: EngineClock; timing: BotTiming }) {
    this.session = options.session;
    this.clock = options.clock;
    this.timing = options.timing;
    // Separate stream from the rules' so adding bots never changes the country's dice.
    this.rng = createRng((options.session.seed ^ 0x9e3779b9) >>> 0);
  }

  onPhase(phase: Phase): void {
    this.cancel();
    if (phase === "briefing") this.choices.clear();
    if (phase !== "propose" && phase !== "debate" && phase !== "vote") return;
    for (const player of this.session.state.players.values()) {
      if (player.isBot) this.schedule(player.id, phase);
    }
  }

  /** Bots added mid-phase act in it too. */
  onBotsAdded(playerIds: readonly string[]): void {
    const phase = this.session.phase;
    if (phase !== "propose" && phase !== "debate" && phase !== "vote") return;
    for (const id of playerIds) this.schedule(id, phase);
  }

  cancel(): void {
    for (const t of this.pending) t.clear();
    this.pending = [];
  }

  private schedule(playerId: string, phase: "propose" | "debate" | "vote"): void {
    const { minDelayMs, maxDelayMs } = this.timing;
    const delay = minDelayMs + this.rng.next() * Math.max(0, maxDelayMs - minDelayMs);
    this.pending.push(this.clock.setTimeout(() => this.act(playerId, phase), delay));
  }

  private getChoice(playerId: string): string {
    const known = this.choices.get(playerId);
    if (known) return known;
    const strategy = this.session.getStrategy(playerId) ?? "random";
    const choice = pickPolicy({ strategy, scenario: this.session.scenario, history: this.session.history, rng: this.rng });
    this.choices.set(playerId, choice);
    return choice;
  }

  private act(playerId: string, phase: "propose" | "debate" | "vote"): void {
    const session = this.session;
    if (session.phase !== phase || !session.state.players.has(playerId)) return;
    const policyId = this.getChoice(playerId);
    if (phase === "propose") {
      // Other bots' words this round are avoided, so the wall does not fill with copies.
      const said = new Set([...session.state.arguments.values()].filter((a) => a.round === session.state.round).map((a) => a.text));
      const argument = pickBotArgument({
        scenario: session.scenario,
        policyId,
        language: session.options.language,
        maxLength: session.scenario.settings.argumentMaxLength,
        rng: this.rng,
        avoid: said,
      });
      session.propose(playerId, { policyId, ...(argument ?? {}) });
    } else if (phase === "debate") {
      const strategy = session.getStrategy(playerId) ?? "random";
      const ranked = rankEndorsements(session.getEndorsable(playerId), { strategy, policyId, rng: this.rng });
      for (const argumentId of ranked.slice(0, session.scenario.settings.endorsementsPerStudent)) {
        if (session.phase !== "debate") break;
        session.endorse(playerId, argumentId);
      }
    } else {
      session.vote(playerId, getBotVote(policyId, session.options.voteMode, session.scenario.settings.votePoints));
    }
  }
}
