// Prints the gzipped size of each entry chunk and lazy chunk of the client build (builds first).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = join(import.meta.dirname, "..", "..");
const dist = join(root, "dist", "client");
execFileSync(join(root, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });

const html = readFileSync(join(dist, "index.html"), "utf8");
const entries = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]));
const rows = readdirSync(join(dist, "assets")).map((file) => {
  const bytes = readFileSync(join(dist, "assets", file));
  const kind = entries.has(`assets/${file}`) ? "entry" : bytes.includes("Phaser") && bytes.length > 500_000 ? "lazy (Phaser)" : "lazy";
  return { file, kind, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
rows.sort((a, b) => Number(b.kind === "entry") - Number(a.kind === "entry") || a.gzip - b.gzip);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log("chunk".padEnd(40), "kind".padEnd(14), "raw".padStart(12), "gzip -9".padStart(12));
for (const r of rows) console.log(r.file.padEnd(40), r.kind.padEnd(14), kib(r.raw).padStart(12), kib(r.gzip).padStart(12));
const entryTotal = rows.filter((r) => r.kind === "entry").reduce((s, r) => s + r.gzip, 0);
console.log(`\nentry (landing) total gzip: ${kib(entryTotal)}`);
