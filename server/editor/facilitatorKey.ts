// The facilitator key that guards scenario saving: from FACILITATOR_KEY, else from the data
// folder, else generated once, stored there (owner-only) and announced in the terminal.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface FacilitatorKey {
  key: string;
  /** Where it came from, for the start-up message. */
  origin: "environment" | "data-folder" | "generated";
  path?: string;
}

export function loadFacilitatorKey(dataDir: string, fromEnv = process.env.FACILITATOR_KEY): FacilitatorKey {
  if (fromEnv && fromEnv.trim().length >= 8) return { key: fromEnv.trim(), origin: "environment" };
  const path = join(dataDir, "facilitator-key");
  if (existsSync(path)) {
    const stored = readFileSync(path, "utf8").trim();
    if (stored.length >= 8) return { key: stored, origin: "data-folder", path };
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(18).toString("base64url");
  writeFileSync(path, key + "\n", { mode: 0o600 });
  return { key, origin: "generated", path };
}

/** Constant-time comparison of a presented key with the real one. */
export function isFacilitatorKey(presented: string | undefined, key: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
