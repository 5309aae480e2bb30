// Vite build of the browser clients: root client/, output dist/client (served by the game server),
// and a dev server that proxies the game server's HTTP and WebSocket endpoints.
import { defineConfig } from "vite";

const GAME_SERVER = process.env.GAME_SERVER_URL ?? "http://localhost:2567";

export default defineConfig({
  root: "client",
  publicDir: false,
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    target: "es2022",
    // Phaser alone is ~1.3 MB raw; it is a lazy chunk loaded only by the projector's board and /watch.
    // No manual chunks: each route is a dynamic import in main.ts, and a phone's join page stays free of
    // zod, the SDK and the game screens (tests/client/phoneBundle.test.ts, npm run bench:client).
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [".."] },
    proxy: {
      "/api": GAME_SERVER,
      "/matchmake": GAME_SERVER,
      // Colyseus room sockets live at /<processId>/<roomId>?sessionId=…
      "^/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+\\?sessionId=": { target: GAME_SERVER, ws: true },
    },
  },
  preview: { port: 4173 },
});
