// Structured server logs (pino, JSON lines on stdout): one root logger, handed to Colyseus as its
// logger too, so every line can be filtered by level and component. LOG_LEVEL sets the level.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "warn" : "info"),
  base: { pid: process.pid },
});

export type Logger = typeof logger;

/**
 * The shape Colyseus calls (`debug/info/warn/error/trace` with console-style arguments). Colyseus
 * prints an error's whole stack for every undecodable frame; `summarise` folds repeats of the
 * same first line into one count per window instead of one stack trace per frame.
 */
export function createColyseusLogger(base: Logger, summarise: (key: string, emit: (suppressed: number) => void) => void) {
  const child = base.child({ component: "colyseus" });
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === "string" ? a : JSON.stringify(a))).join(" ");
  return {
    debug: (...args: unknown[]) => child.debug(text(args)),
    trace: (...args: unknown[]) => child.trace(text(args)),
    info: (...args: unknown[]) => child.info(text(args)),
    warn: (...args: unknown[]) => child.warn(text(args)),
    error: (...args: unknown[]) => {
      const message = text(args);
      const firstLine = message.split("\n", 1)[0] ?? "";
      summarise(`colyseus:${firstLine.slice(0, 120)}`, (suppressed) =>
        child.error({ suppressedSinceLast: suppressed }, suppressed > 0 ? firstLine : message),
      );
    },
  };
}
