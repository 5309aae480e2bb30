// npm run dev: the game server with reload on changes, and Vite's dev server (hot reload,
// proxying the game server's HTTP and WebSocket endpoints); Ctrl+C stops both.
import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const children = [
  spawn(process.execPath, ["--watch", "--disable-warning=ExperimentalWarning", join(root, "server", "main.ts")], { cwd: root, stdio: "inherit" }),
  spawn(process.execPath, [join(root, "node_modules", "vite", "bin", "vite.js")], { cwd: root, stdio: "inherit" }),
];

const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) {
  child.on("exit", (code) => {
    if (code !== 0 && code !== null) {
      console.error(`dev: a process exited with code ${code}; stopping the other.`);
      stop();
      process.exitCode = code;
    }
  });
}
