// A Web Worker that plays the preview's Monte-Carlo batches off the main thread (one of a pool: previewRunner.ts).
import type { ToWorker } from "./previewWorkerProtocol.ts";
import { createBatchHandler } from "./previewWorkerProtocol.ts";

const handle = createBatchHandler();

self.addEventListener("message", (event: MessageEvent<ToWorker>) => {
  const reply = handle(event.data);
  if (!reply) return;
  // The values travel as a transferred buffer, not a copy.
  self.postMessage(reply, { transfer: reply.kind === "done" ? [reply.result.values.buffer] : [] });
});
