// The debrief's historical path for the snapshot: asked once with the `history` request when the
// state reaches the debrief (it is static, so it never travels in the synced state), then kept.
import type { YearPoint } from "../../shared/protocol/stateTypes.ts";
import { readYears, type HistoryReply, type YearsHolder } from "../../shared/protocol/wireCodec.ts";

/** Phases in which the server answers `history`. */
const HISTORY_PHASES: ReadonlySet<string> = new Set(["debrief", "ended"]);

type Ask = () => Promise<{ ok: true; value: HistoryReply } | { ok: false }>;

export class HistoryLoader {
  private years: YearPoint[] = [];
  private asked = false;
  private readonly ask: Ask;
  private readonly onLoaded: () => void;

  /** `ask` sends the request; `onLoaded` runs once the years arrive (the owner emits a fresh snapshot). */
  constructor(options: { ask: Ask; onLoaded: () => void }) {
    this.ask = options.ask;
    this.onLoaded = options.onLoaded;
  }

  /** The years known so far for this state; starts the request the first time the debrief is reached. */
  getYears(state: YearsHolder & { phase?: string }): YearPoint[] {
    if (!this.asked && state.phase !== undefined && HISTORY_PHASES.has(state.phase)) {
      this.asked = true;
      void this.load(state);
    }
    return this.years;
  }

  private async load(state: YearsHolder): Promise<void> {
    const result = await this.ask();
    if (!result.ok) {
      // Asked again at the next state change (a reconnect, the host's next step).
      this.asked = false;
      return;
    }
    this.years = readYears(state, result.value.years);
    if (this.years.length > 0) this.onLoaded();
  }
}
