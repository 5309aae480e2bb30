// A throwaway PostgreSQL cluster for tests: initdb + pg_ctl in a temp folder, on a free loopback
// port, stopped and deleted afterwards. initdb refuses to run as root, so as root the cluster
// belongs to the `postgres` system user (runuser). Returns null when no PostgreSQL binaries exist.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getFreePort } from "../e2e/support/testServer.ts";

export interface PostgresCluster {
  url: string;
  stop(): void;
}

/** The folder holding initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, "bin", "initdb"))) return join(root, v, "bin");
  return null;
}

function getUid(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", name]).toString().trim());
  return { uid, gid };
}

export async function startPostgresCluster(): Promise<PostgresCluster | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "hc-pg-"));
  const data = join(dir, "data");
  if (asRoot) {
    const { uid, gid } = getUid("postgres");
    chownSync(dir, uid, gid);
  }
  const run = (file: string, args: string[]) => {
    const command = asRoot ? "runuser" : join(bin, file);
    const full = asRoot ? ["-u", "postgres", "--", join(bin, file), ...args] : args;
    execFileSync(command, full, { stdio: "pipe" });
  };
  const port = await getFreePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
