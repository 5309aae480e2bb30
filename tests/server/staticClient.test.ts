// The built client reaches phones compressed, hashed assets are cached for a year and the HTML is always revalidated.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveClient, useCompression } from "../../server/http/staticClient.ts";

let dir: string;
let server: Server;
let base: string;
const script = `console.log(${JSON.stringify("a classroom of phones ".repeat(400))});\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "static-client-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>t</title><script type="module" src="/assets/index-Ab3dE_f9.js"></script>${"<!-- pad -->".repeat(200)}`);
  writeFileSync(join(dir, "assets", "index-Ab3dE_f9.js"), script);
  const app = express();
  useCompression(app);
  app.get("/api/ping", (_req, res) => res.json({ ok: true }));
  app.get("/api/big", (_req, res) => res.json({ rows: Array.from({ length: 300 }, (_, i) => ({ i, label: "row" })) }));
  serveClient(app, dir);
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("serving the built client", () => {
  it("sends a hashed asset brotli-compressed when the browser accepts it, cached for a year", async () => {
    const res = await fetch(`${base}/assets/index-Ab3dE_f9.js`, { headers: { "accept-encoding": "br, gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toBe(script);
  });

  it("falls back to gzip for a browser without brotli", async () => {
    const res = await fetch(`${base}/assets/index-Ab3dE_f9.js`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });

  it("always revalidates the HTML, so a new build reaches every phone", async () => {
    const res = await fetch(`${base}/`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });

  it("serves the app for client routes such as /join/CODE, not cached", async () => {
    const res = await fetch(`${base}/join/ABCDE`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toContain("/assets/index-Ab3dE_f9.js");
  });

  it("compresses large API answers and leaves tiny ones plain", async () => {
    const big = await fetch(`${base}/api/big`, { headers: { "accept-encoding": "gzip" } });
    expect(big.headers.get("content-encoding")).toBe("gzip");
    expect(((await big.json()) as { rows: unknown[] }).rows).toHaveLength(300);
    // Below the 1 KB threshold nothing is gained by compressing.
    const small = await fetch(`${base}/api/ping`, { headers: { "accept-encoding": "gzip" } });
    expect(small.headers.get("content-encoding")).toBeNull();
  });
});
