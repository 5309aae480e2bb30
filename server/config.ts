// Server settings from environment variables, with the defaults a classroom laptop needs.
import { resolve } from "node:path";

export interface ServerSettings {
  port: number;
  contentDir: string;
  /** Scenario used when a host does not name one. */
  defaultScenarioId: string;
  /** Seconds a dropped student or host keeps their seat for automatic reconnection. */
  reconnectSeconds: number;
  /** Failed join attempts (unknown or closed codes) allowed per address per minute. */
  joinFailuresPerMinute: number;
  /** Sessions one address may create per minute. */
  createsPerMinute: number;
  /** Which peers are proxies whose forwarding headers are believed (see server/http/clientAddress.ts). */
  trustProxy: string;
  /** Spectator screens (projectors) allowed per session, apart from the seats. */
  maxSpectators: number;
  /** Seconds a new session waits for its creator's connection before it is closed. */
  creatorConnectSeconds: number;
  /** Minutes a session with nobody connected is kept before it is closed. */
  idleMinutes: number;
  /** Sustained requests per second allowed per client before `request/rate-limited`. */
  requestsPerSecond: number;
  botMinDelayMs: number;
  botMaxDelayMs: number;
  /** Redis for several processes (presence + matchmaking driver); null = one process, in memory. */
  redisUrl: string | null;
  /** This process's address as clients reach it (host:port), required with Redis. */
  publicAddress: string | null;
  /** Address to listen on (HOST); null = every interface, as a classroom laptop needs. */
  host: string | null;
  /** Server-side data (editor history, the facilitator key, the session records). */
  dataDir: string;
  /** Built client to serve, if it exists. */
  clientDir: string;
  /** PostgreSQL for the session records (postgres://…); null = SQLite in dataDir. */
  databaseUrl: string | null;
  /** Days an ended session's record is kept. */
  retentionDays: number;
}

function readNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): ServerSettings {
  return {
    port: readNumber(env, "PORT", 2567),
    contentDir: resolve(root, env.CONTENT_DIR || "content"),
    defaultScenarioId: env.DEFAULT_SCENARIO || "mexico-2006",
    reconnectSeconds: readNumber(env, "RECONNECT_SECONDS", 180),
    joinFailuresPerMinute: readNumber(env, "JOIN_RATE_LIMIT", 20),
    createsPerMinute: readNumber(env, "CREATE_RATE_LIMIT", 10),
    trustProxy: env.TRUST_PROXY ?? "",
    maxSpectators: readNumber(env, "MAX_SPECTATORS", 10),
    creatorConnectSeconds: readNumber(env, "CREATOR_CONNECT_SECONDS", 20),
    idleMinutes: readNumber(env, "IDLE_MINUTES", 30),
    requestsPerSecond: readNumber(env, "REQUESTS_PER_SECOND", 8),
    botMinDelayMs: readNumber(env, "BOT_MIN_DELAY_MS", 800),
    botMaxDelayMs: readNumber(env, "BOT_MAX_DELAY_MS", 4000),
    redisUrl: env.REDIS_URL || null,
    publicAddress: env.PUBLIC_ADDRESS || null,
    host: env.HOST || null,
    dataDir: resolve(root, env.DATA_DIR || "data"),
    clientDir: resolve(root, env.CLIENT_DIR || "dist/client"),
    databaseUrl: env.DATABASE_URL || null,
    retentionDays: readNumber(env, "RETENTION_DAYS", 365),
  };
}
