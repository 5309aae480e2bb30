// Serves the built client to a classroom of phones: compressed (brotli or gzip), hashed assets cached
// for a year, the HTML always revalidated, and the single-page fallback for routes like /join/ABCDE.
import { join } from "node:path";
import compression from "compression";
import type { Application, Response } from "express";
import express from "express";

/** Vite writes every bundled file under assets/ with a content hash in its name. */
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function setCacheHeaders(res: Response, path: string): void {
  if (HASHED_ASSET.test(path.replaceAll("\\", "/"))) {
    res.setHeader("Cache-Control", `public, max-age=${ONE_YEAR_SECONDS}, immutable`);
  } else {
    // index.html and unhashed files: always ask the server, so a new build reaches every phone.
    res.setHeader("Cache-Control", "no-cache");
  }
}

/** Compression for every response (API JSON included); call before the routes it should cover. */
export function useCompression(app: Application): void {
  app.use(compression());
}

export function serveClient(app: Application, clientDir: string): void {
  app.use(express.static(clientDir, { index: "index.html", setHeaders: setCacheHeaders }));
  // SPA fallback (express 5 path syntax) for client routes like /join/ABCDE.
  app.get("/{*splat}", (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(join(clientDir, "index.html"));
  });
}
