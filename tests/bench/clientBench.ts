// npm run bench:client — what a phone or the projector really downloads: builds the client, serves it
// through the real server (compressed, cached), opens each entry in Chromium and counts the bytes on
// the wire (compressed bodies + headers) until the page can be used, then a phone's whole session
// (join → results → debrief, the host driven over the SDK) against the targets, then the lazy chunks.
import { readFileSync, readdirSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { Client } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser.ts";
import buildClient from "../e2e/support/buildClient.ts";
import { E2E_CLIENT_DIR } from "../e2e/support/clientDir.ts";
import { startTestServer } from "../e2e/support/testServer.ts";

buildClient();

interface Entry {
  name: string;
  path: string;
  /** What a person must see before they can act on this page. */
  ready: string;
  viewport: { width: number; height: number };
}

/** Issue 12's targets: compressed JavaScript of the join page, and everything a phone downloads over HTTP in a session. */
const JOIN_PAGE_JS_TARGET = 80_000;
const PHONE_SESSION_TARGET = 150_000;

const ENTRIES: Entry[] = [
  { name: "student join (phone)", path: "/join/ABCDE", ready: "input[name=nickname]", viewport: { width: 360, height: 740 } },
  { name: "landing (phone)", path: "/", ready: "main a, main button", viewport: { width: 360, height: 740 } },
  { name: "host create form", path: "/host", ready: "form button[type=submit]", viewport: { width: 1920, height: 1080 } },
  { name: "editor", path: "/editor", ready: "main button", viewport: { width: 1280, height: 800 } },
];

interface Transfer {
  url: string;
  bytes: number;
  encoding: string;
}

/** Records every finished HTTP request of the page; `settle()` waits for the size look-ups still running. */
function recordTransfers(page: Page, base: string): { transfers: Transfer[]; settle(): Promise<void> } {
  const transfers: Transfer[] = [];
  const pending = new Set<Promise<void>>();
  page.on("requestfinished", (request) => {
    const job = (async () => {
      const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
      transfers.push({
        url: request.url().replace(base, ""),
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        encoding: (await response?.headerValue("content-encoding")) ?? "identity",
      });
    })();
    pending.add(job);
    void job.finally(() => pending.delete(job));
  });
  return { transfers, settle: async () => void (await Promise.all(pending)) };
}

const isScript = (t: Transfer) => /\.m?js(\?|$)/.test(t.url);
const sum = (list: Transfer[]) => list.reduce((s, t) => s + t.bytes, 0);

async function measure(browser: Browser, base: string, entry: Entry): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: entry.viewport, isMobile: entry.viewport.width < 500 });
  const page: Page = await context.newPage();
  const { transfers, settle } = recordTransfers(page, base);
  await page.goto(base + entry.path);
  await page.locator(entry.ready).first().waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  await settle();
  await context.close();
  return transfers;
}

interface PhoneSession {
  transfers: Transfer[];
  /** WebSocket payload bytes received, for comparison: the synced state is bench:server's subject. */
  socketIn: number;
}

/**
 * A phone at 360×740 joins a one-round session, sees the results and the debrief (with Mexico's replay);
 * the host is an SDK client that starts and advances the session. Counts every HTTP byte the phone fetched.
 */
async function measurePhoneSession(browser: Browser, base: string): Promise<PhoneSession> {
  const host = await new Client(base).create("session", { rounds: 1 });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "en-US" });
  try {
    const page = await context.newPage();
    const { transfers, settle } = recordTransfers(page, base);
    const socket = { socketIn: 0 };
    page.on("websocket", (ws) => ws.on("framereceived", (f) => (socket.socketIn += typeof f.payload === "string" ? Buffer.byteLength(f.payload) : f.payload.length)));
    await page.goto(`${base}/join/${host.roomId}`);
    await page.fill("input[name=nickname]", "Bench");
    await page.click("form.join-form button[type=submit]");
    await page.locator(".role-card").waitFor({ timeout: 30_000 });
    await host.request("start", {});
    await page.locator('.session-header[data-phase="briefing"]').waitFor({ timeout: 30_000 });
    // The host moves on phase by phase (a phase with nothing to show, like a debate without arguments, is skipped).
    const phaseOf = async () => await page.locator(".session-header").getAttribute("data-phase");
    for (let step = 0; step < 8 && (await phaseOf()) !== "results"; step++) {
      const from = await phaseOf();
      if (from !== "resolve") await host.request("advance", {});
      await page.waitForFunction((p) => document.querySelector(".session-header")?.getAttribute("data-phase") !== p, from, { timeout: 30_000 });
    }
    await page.locator(".panel.results .phone-map-svg").waitFor({ timeout: 30_000 });
    await host.request("advance", {});
    await page.locator('.panel.debrief [data-series="historicalPath"]').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    await settle();
    return { transfers, ...socket };
  } finally {
    await context.close();
    await host.leave().catch(() => undefined);
  }
}

/** The body size as sent (still compressed): node:http does not decode, unlike fetch. */
async function getEncodedSize(url: string): Promise<{ bytes: number; encoding: string }> {
  return await new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "br, gzip" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ bytes, encoding: res.headers["content-encoding"] ?? "identity" }));
    }).on("error", reject);
  });
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const server = await startTestServer();
const browser = await launchBrowser();
try {
  console.log(`Bytes on the wire until the page can be used (server: ${server.url}, compressed as served)\n`);
  console.log("entry".padEnd(24), "requests".padStart(9), "on the wire".padStart(13), "of it JS".padStart(10), "  largest");
  let joinPageJs = 0;
  for (const entry of ENTRIES) {
    const transfers = await measure(browser, server.url, entry);
    const js = sum(transfers.filter(isScript));
    if (entry === ENTRIES[0]) joinPageJs = js;
    const largest = [...transfers].sort((a, b) => b.bytes - a.bytes).slice(0, 2).map((t) => `${t.url} ${kib(t.bytes)} ${t.encoding}`);
    console.log(entry.name.padEnd(24), String(transfers.length).padStart(9), kib(sum(transfers)).padStart(13), kib(js).padStart(10), " ", largest.join(", "));
  }

  // The board engine (Phaser) is a lazy chunk, for the projector and /watch only.
  const assets = readdirSync(join(E2E_CLIENT_DIR, "assets"));
  const isBoardEngine = (file: string) => {
    const bytes = readFileSync(join(E2E_CLIENT_DIR, "assets", file));
    return file.endsWith(".js") && bytes.includes("Phaser") && bytes.length > 500_000;
  };
  const boardEngine = assets.filter(isBoardEngine);
  console.log("\nLazy chunks as the server sends them, and their gzip -9 / brotli -11 sizes");
  console.log("chunk".padEnd(40), "raw".padStart(11), "served".padStart(14), "gzip -9".padStart(11), "brotli".padStart(11));
  const html = readFileSync(join(E2E_CLIENT_DIR, "index.html"), "utf8");
  for (const file of assets.filter((f) => f.endsWith(".js") && !html.includes(f)).sort()) {
    const bytes = readFileSync(join(E2E_CLIENT_DIR, "assets", file));
    const served = await getEncodedSize(`${server.url}/assets/${file}`);
    const label = boardEngine.includes(file) ? `${file} (board engine)` : file;
    console.log(label.padEnd(40), kib(bytes.length).padStart(11), `${kib(served.bytes)} ${served.encoding}`.padStart(14), kib(gzipSync(bytes, { level: 9 }).length).padStart(11), kib(brotliCompressSync(bytes).length).padStart(11));
  }
  const session = await measurePhoneSession(browser, server.url);
  const sessionHttp = sum(session.transfers);
  const sessionJs = sum(session.transfers.filter(isScript));
  const engineFetched = session.transfers.some((t) => boardEngine.some((file) => t.url.includes(file)));
  const mark = (bytes: number, target: number) => `${bytes <= target ? "PASS" : "FAIL"} (target ≤ ${target / 1000} KB = ${kib(target)})`;
  console.log("\nA phone (360×740) against issue 12's targets");
  console.log(`join page, compressed JS until usable:     ${kib(joinPageJs).padStart(11)}  ${mark(joinPageJs, JOIN_PAGE_JS_TARGET)}`);
  console.log(`whole session over HTTP (join → debrief):  ${kib(sessionHttp).padStart(11)}  ${mark(sessionHttp, PHONE_SESSION_TARGET)}  ${session.transfers.length} requests, of it JS ${kib(sessionJs)}`);
  console.log(`  largest: ${[...session.transfers].sort((a, b) => b.bytes - a.bytes).slice(0, 4).map((t) => `${t.url} ${kib(t.bytes)}`).join(", ")}`);
  console.log(`  the session's WebSocket frames received (one round): ${kib(session.socketIn)} (the synced state: see bench:server)`);
  console.log(`board engine chunk fetched by the phone:   ${engineFetched ? "YES: FAIL" : "no: PASS"} (${boardEngine.join(", ") || "no board engine chunk found"})`);
} finally {
  await browser.close();
  await server.stop();
}
process.exit(0);
