// HTTP routes that hand scenario content to browsers: the list of scenarios and one validated scenario.
import type express from "express";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";

/** One entry of `GET /api/scenarios`. */
export interface ScenarioListing {
  id: string;
  version: number;
  title: Scenario["title"];
}

/**
 * Registers `GET /api/scenarios` (listing) and `GET /api/scenarios/:id` (the scenario JSON, 404 when unknown).
 * The getters are called on every request, so reloaded content is served without re-registering.
 */
export function registerContentRoutes(
  app: express.Application,
  getScenario: (id: string) => Scenario | undefined,
  listScenarios: () => ScenarioListing[],
): void {
  app.get("/api/scenarios", (_req, res) => {
    res.set("Cache-Control", "no-cache").json(listScenarios());
  });
  app.get("/api/scenarios/:id", (req, res) => {
    const id = req.params.id;
    const scenario = getScenario(id);
    if (!scenario) {
      res.status(404).json({ error: "scenario/not-found", message: `No scenario with id "${id}" on this server.` });
      return;
    }
    res.set("Cache-Control", "no-cache").json(scenario);
  });
}
