// Picks the session store from the settings: PostgreSQL when DATABASE_URL is set, otherwise the
// SQLite file in DATA_DIR.
import { join } from "node:path";
import { PostgresSessionStore } from "./postgresSessionStore.ts";
import type { SessionStore } from "./SessionStore.ts";
import { SQLITE_FILE_NAME, SqliteSessionStore } from "./sqliteSessionStore.ts";

export function openSessionStore(options: { dataDir: string; databaseUrl: string | null }): SessionStore {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got "${options.databaseUrl.split(":")[0]}:…"`);
    return new PostgresSessionStore(options.databaseUrl);
  }
  return new SqliteSessionStore(join(options.dataDir, SQLITE_FILE_NAME));
}
