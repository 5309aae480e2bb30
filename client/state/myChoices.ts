// The student's own choices (proposal, endorsements, vote) tied to the round they belong to: a new
// round starts empty, as it does on the server, so last round's answers are never shown as sent.
import type { Mine } from "../../shared/protocol/index.ts";

export const EMPTY_MINE: Mine = { proposal: null, endorsed: [], vote: null };

export class MyChoices {
  private mine: Mine;
  private round: number;

  /** `mine` as the server's welcome gave it, in `round` (the synced state's round at that moment). */
  constructor(mine: Mine | undefined, round: number) {
    this.mine = mine ?? EMPTY_MINE;
    this.round = round;
  }

  /** This round's choices; empty once the session has moved on to another round. */
  get(round: number): Mine {
    if (round !== this.round) {
      this.round = round;
      this.mine = EMPTY_MINE;
    }
    return this.mine;
  }

  /** The server's word (a reply to propose/endorse/vote, or a welcome) for `round`. */
  set(mine: Mine | undefined, round: number): void {
    this.mine = mine ?? EMPTY_MINE;
    this.round = round;
  }
}
