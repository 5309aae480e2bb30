// What a phase panel gets (connection, scenario, the student's private choices) and gives (element + update).
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Mine } from "../../shared/protocol/index.ts";
import type { SessionConnection } from "../net/sessionConnection.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";

export interface PanelContext {
  connection: SessionConnection;
  scenario: Scenario;
  /** The student's own proposal, endorsements and vote (from welcome and request replies). */
  getMine(): Mine;
  setMine(mine: Mine): void;
}

export interface Panel {
  element: HTMLElement;
  update(snapshot: SessionSnapshot): void;
  destroy?(): void;
}
