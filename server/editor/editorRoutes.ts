// HTTP API for the facilitator editor: save, create, history and restore, all behind the
// facilitator key; content for reading comes from the public scenario routes.
import express from "express";
import { logger } from "../log/logger.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { isFacilitatorKey } from "./facilitatorKey.ts";
import type { SaveOutcome, ScenarioWriter } from "./scenarioWriter.ts";

export interface EditorRouteOptions {
  writer: ScenarioWriter;
  facilitatorKey: string;
  /** Called after every successful write so the server serves the new version at once. */
  onSaved: (scenario: Scenario) => void;
}

const log = logger.child({ component: "editor" });

const STATUS: Record<Exclude<SaveOutcome, { ok: true }>["code"], number> = {
  "scenario/invalid": 400,
  "scenario/id-mismatch": 400,
  "scenario/conflict": 409,
  "scenario/exists": 409,
  "scenario/not-found": 404,
};

function getPresentedKey(req: express.Request): string | undefined {
  const header = req.get("authorization");
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim();
  return req.get("x-facilitator-key") ?? undefined;
}

function readVersion(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A whole scenario is a few hundred KB; 2 MB leaves room for growth and stops abuse. */
const EDITOR_BODY_LIMIT = "2mb";

/** body-parser's error types for a body that is too large or not JSON (bad input, not a server fault). */
function getBodyErrorReply(err: unknown): { status: number; body: { code: string; message: string } } | null {
  const type = (err as { type?: unknown }).type;
  if (type === "entity.too.large") return { status: 413, body: { code: "request/too-large", message: `A save may be at most ${EDITOR_BODY_LIMIT}.` } };
  if (type === "entity.parse.failed" || type === "encoding.unsupported" || type === "charset.unsupported" || type === "request.aborted") {
    return { status: 400, body: { code: "request/invalid-payload", message: "The request body is not valid JSON." } };
  }
  return null;
}

export function createEditorRouter(options: EditorRouteOptions): express.Router {
  const router = express.Router();

  // The key is checked before the body is read or parsed: without it nothing is buffered.
  router.use((req, res, next) => {
    const key = getPresentedKey(req);
    if (!key) {
      res.status(401).json({ code: "auth/no-key", message: "Enter the facilitator key to save scenarios." });
      return;
    }
    if (!isFacilitatorKey(key, options.facilitatorKey)) {
      res.status(403).json({ code: "auth/bad-key", message: "That facilitator key is not right for this server." });
      return;
    }
    next();
  });
  router.use(express.json({ limit: EDITOR_BODY_LIMIT }));

  const reply = (res: express.Response, outcome: SaveOutcome, created = false) => {
    if (outcome.ok) {
      options.onSaved(outcome.scenario);
      res.status(created ? 201 : 200).json({ id: outcome.scenario.id, version: outcome.scenario.version, scenario: outcome.scenario });
      return;
    }
    const { ok: _ok, ...body } = outcome;
    res.status(STATUS[outcome.code]).json(body);
  };

  router.get("/check", (_req, res) => {
    res.json({ ok: true });
  });

  router.put("/scenarios/:id", (req, res) => {
    const body = req.body as { baseVersion?: unknown; scenario?: unknown } | undefined;
    const baseVersion = readVersion(body?.baseVersion);
    if (baseVersion === undefined || body?.scenario === undefined) {
      res.status(400).json({ code: "request/invalid", message: "Send { baseVersion, scenario }: the version you edited and the whole scenario." });
      return;
    }
    reply(res, options.writer.save(req.params.id, body.scenario, baseVersion));
  });

  router.post("/scenarios", (req, res) => {
    const body = req.body as { scenario?: unknown } | undefined;
    if (body?.scenario === undefined) {
      res.status(400).json({ code: "request/invalid", message: "Send { scenario }: the whole new scenario with its own id." });
      return;
    }
    reply(res, options.writer.create(body.scenario), true);
  });

  router.get("/scenarios/:id/history", (req, res) => {
    res.json(options.writer.listHistory(req.params.id).map(({ version, savedAt }) => ({ version, savedAt })));
  });

  router.get("/scenarios/:id/history/:version", (req, res) => {
    const scenario = options.writer.readHistoryVersion(req.params.id, Number(req.params.version));
    if (scenario === undefined) {
      res.status(404).json({ code: "scenario/not-found", message: `Version ${req.params.version} of "${req.params.id}" is not in the history.` });
      return;
    }
    res.json(scenario);
  });

  router.post("/scenarios/:id/restore", (req, res) => {
    const body = req.body as { version?: unknown; baseVersion?: unknown } | undefined;
    const version = readVersion(body?.version);
    const baseVersion = readVersion(body?.baseVersion);
    if (version === undefined || baseVersion === undefined) {
      res.status(400).json({ code: "request/invalid", message: "Send { version, baseVersion }: the version to restore and the version you have open." });
      return;
    }
    reply(res, options.writer.restore(req.params.id, version, baseVersion));
  });

  router.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const bad = getBodyErrorReply(err);
    if (bad) {
      res.status(bad.status).json(bad.body);
      return;
    }
    log.error({ err }, "editor: save failed");
    res.status(500).json({ code: "server/write-failed", message: "The server could not write the scenario; the previous version is unchanged. Try again." });
  });

  return router;
}
