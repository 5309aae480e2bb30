// npm run bench:client — what a phone or the projector really downloads: builds the client, serves it
// through the real server (compressed, cached), opens each entry in Chromium and counts the bytes on
// the wire (compressed bodies + headers) until the page can be used, then the board engine chunk.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser.ts";
import { E2E_CLIENT_DIR } from "../e2e/support/clientDir.ts";
import { startTestServer } from "../e2e/support/testServer.ts";

const root = join(import.meta.dirname, "..", "..");
execFileSync(join(root, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn", "--outDir", E2E_CLIENT_DIR], { cwd: root, stdio: "inherit" });

interface Entry {
  name: string;
  path: string;
  /** What a person must see before they can act on this page. */
  ready: string;
  viewport: { width: number; height: number };
}

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

async function measure(browser: Browser, base: string, entry: Entry): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: entry.viewport, isMobile: entry.viewport.width < 500 });
  const page: Page = await context.newPage();
  const transfers: Transfer[] = [];
  page.on("requestfinished", (request) => {
    void (async () => {
      const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
      transfers.push({
        url: request.url().replace(base, ""),
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        encoding: (await response?.headerValue("content-encoding")) ?? "identity",
      });
    })();
  });
  await page.goto(base + entry.path);
  await page.locator(entry.ready).first().waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  await context.close();
  return transfers;
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
  console.log("entry".padEnd(24), "requests".padStart(9), "on the wire".padStart(13), "  largest");
  for (const entry of ENTRIES) {
    const transfers = await measure(browser, server.url, entry);
    const total = transfers.reduce((s, t) => s + t.bytes, 0);
    const largest = [...transfers].sort((a, b) => b.bytes - a.bytes).slice(0, 2).map((t) => `${t.url} ${kib(t.bytes)} ${t.encoding}`);
    console.log(entry.name.padEnd(24), String(transfers.length).padStart(9), kib(total).padStart(13), " ", largest.join(", "));
  }

  // The board engine (Phaser) is a lazy chunk: fetched by the projector and, today, by phones at the first results.
  const assets = readdirSync(join(E2E_CLIENT_DIR, "assets"));
  console.log("\nLazy chunks as the server sends them, and their gzip -9 / brotli -11 sizes");
  console.log("chunk".padEnd(40), "raw".padStart(11), "served".padStart(14), "gzip -9".padStart(11), "brotli".padStart(11));
  const html = readFileSync(join(E2E_CLIENT_DIR, "index.html"), "utf8");
  for (const file of assets.filter((f) => f.endsWith(".js") && !html.includes(f)).sort()) {
    const bytes = readFileSync(join(E2E_CLIENT_DIR, "assets", file));
    const served = await getEncodedSize(`${server.url}/assets/${file}`);
    const label = bytes.includes("Phaser") && bytes.length > 500_000 ? `${file} (board engine)` : file;
    console.log(label.padEnd(40), kib(bytes.length).padStart(11), `${kib(served.bytes)} ${served.encoding}`.padStart(14), kib(gzipSync(bytes, { level: 9 }).length).padStart(11), kib(brotliCompressSync(bytes).length).padStart(11));
  }
} finally {
  await browser.close();
  await server.stop();
}
process.exit(0);
