// The benchmark's baseline: a bare Colyseus 0.18 room with a state comparable to a session's
// (a phase, a round, counters, and a map of flat per-player schemas) whose requests only mutate
// that state. No game logic, no validation library, no scenario: what any Colyseus room of this
// shape costs, so the product's figures can be read as a ratio to it.
//
// To keep the clients' work identical it walks the same phase names with the same timers and the
// same "ends once every student has acted" rule; `resolve` bumps each player's score counter.
import { Room, type Client } from "@colyseus/core";
import { schema, t, type SchemaType } from "@colyseus/schema";

export const BASELINE_ROOM_NAME = "baseline";

export const BaselinePlayer = schema(
  {
    nickname: t.string().default(""),
    connected: t.boolean().default(true),
    proposed: t.boolean().default(false),
    voted: t.boolean().default(false),
    endorsementsUsed: t.uint16().default(0),
    endorsements: t.uint16().default(0),
    score: t.uint16().default(0),
  },
  "BaselinePlayer",
);
export type BaselinePlayer = SchemaType<typeof BaselinePlayer>;

export const BaselineState = schema(
  {
    phase: t.string().default("lobby"),
    round: t.uint8().default(0),
    totalRounds: t.uint8().default(1),
    endorsementsPerStudent: t.uint8().default(2),
    votePoints: t.uint8().default(10),
    endsAt: t.float64().default(0),
    proposals: t.uint16().default(0),
    votesCast: t.uint16().default(0),
    players: t.map(BaselinePlayer),
  },
  "BaselineState",
);
export type BaselineState = SchemaType<typeof BaselineState>;

/** Phase order after the lobby; `results` loops back to `briefing` until the last round. */
const NEXT_PHASE: Record<string, string> = {
  lobby: "briefing",
  briefing: "propose",
  propose: "debate",
  debate: "vote",
  vote: "resolve",
  resolve: "results",
};

export interface BaselineCreateOptions {
  rounds?: number;
  /** Seconds per phase, as in a session's create options. */
  timers?: Record<string, number>;
  endorsementsPerStudent?: number;
  votePoints?: number;
}

export class BaselineRoom extends Room<{ state: BaselineState }> {
  private timers: Record<string, number> = {};
  private deadline: { clear(): void } | null = null;
  private hostSessionId = "";

  override messages = {
    welcome: (client: Client) => ({ playerId: this.state.players.has(client.sessionId) ? client.sessionId : null }),
    start: (client: Client) => {
      if (client.sessionId !== this.hostSessionId || this.state.phase !== "lobby") return { ok: false };
      this.advance();
      return { ok: true };
    },
    propose: (client: Client) => this.act(client, "propose", (p) => {
      if (!p.proposed) this.state.proposals += 1;
      p.proposed = true;
    }),
    endorse: (client: Client, payload: unknown) => {
      const target = this.state.players.get(String((payload as { playerId?: unknown } | undefined)?.playerId));
      return this.act(client, "debate", (p) => {
        if (!target || p.endorsementsUsed >= this.state.endorsementsPerStudent) return;
        target.endorsements += 1;
        p.endorsementsUsed += 1;
      });
    },
    vote: (client: Client) => this.act(client, "vote", (p) => {
      if (!p.voted) this.state.votesCast += 1;
      p.voted = true;
    }),
  };

  override onCreate(options: BaselineCreateOptions): void {
    this.state = new BaselineState();
    this.state.totalRounds = options.rounds ?? 1;
    this.state.endorsementsPerStudent = options.endorsementsPerStudent ?? 2;
    this.state.votePoints = options.votePoints ?? 10;
    this.timers = options.timers ?? {};
    this.maxClients = 2100;
  }

  override onJoin(client: Client, options: { as?: string; nickname?: string }): void {
    if (options.as !== "student") {
      this.hostSessionId ||= client.sessionId;
      return;
    }
    this.state.players.set(client.sessionId, new BaselinePlayer({ nickname: String(options.nickname ?? "") }));
  }

  override onLeave(client: Client): void {
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = false;
  }

  /** Applies a student's action when its phase is open, then ends the phase once everyone acted. */
  private act(client: Client, phase: string, apply: (player: BaselinePlayer) => void): { ok: boolean } {
    const player = this.state.players.get(client.sessionId);
    if (!player || this.state.phase !== phase) return { ok: false };
    apply(player);
    if (this.hasEveryoneActed()) this.advance();
    return { ok: true };
  }

  private hasEveryoneActed(): boolean {
    const canEndorse = Math.min(this.state.endorsementsPerStudent, this.state.players.size - 1);
    for (const p of this.state.players.values()) {
      if (!p.connected) continue;
      if (this.state.phase === "propose" && !p.proposed) return false;
      if (this.state.phase === "debate" && p.endorsementsUsed < canEndorse) return false;
      if (this.state.phase === "vote" && !p.voted) return false;
    }
    return true;
  }

  private advance(): void {
    const s = this.state;
    const next = s.phase === "results" ? (s.round < s.totalRounds ? "briefing" : "debrief") : NEXT_PHASE[s.phase];
    if (!next) return;
    this.deadline?.clear();
    this.deadline = null;
    s.phase = next;
    if (next === "briefing") {
      s.round += 1;
      s.proposals = 0;
      s.votesCast = 0;
      for (const p of s.players.values()) {
        p.proposed = false;
        p.voted = false;
        p.endorsementsUsed = 0;
      }
    }
    if (next === "resolve") for (const p of s.players.values()) p.score += p.endorsements;
    const seconds = this.timers[next] ?? 0;
    s.endsAt = seconds > 0 ? Date.now() + seconds * 1000 : 0;
    if (seconds > 0) this.deadline = this.clock.setTimeout(() => this.advance(), seconds * 1000);
    // Like a session, an acting phase nobody can act in (a debate without endorsements) ends at once.
    if ((next === "propose" || next === "debate" || next === "vote") && this.hasEveryoneActed()) this.advance();
  }
}
