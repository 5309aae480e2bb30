// Per-address limit on failed join attempts, so join codes cannot be enumerated. It wraps the
// matchmaker controller (the hook Colyseus documents for customising matchmaking requests) and
// also upper-cases typed codes.
import { ServerError, matchMaker } from "@colyseus/core";
import { JOIN_RATE_LIMIT_STATUS, ROOM_NOT_FOUND_STATUS, refusal } from "../shared/protocol/refusals.ts";

export class FailedJoinLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly perMinute: number;
  private readonly now: () => number;

  constructor(perMinute: number, now: () => number = Date.now) {
    this.perMinute = perMinute;
    this.now = now;
  }

  private recent(address: string): number[] {
    const cutoff = this.now() - 60_000;
    const list = (this.failures.get(address) ?? []).filter((t) => t > cutoff);
    if (list.length > 0) this.failures.set(address, list);
    else this.failures.delete(address);
    return list;
  }

  isBlocked(address: string): boolean {
    return this.recent(address).length >= this.perMinute;
  }

  recordFailure(address: string): void {
    const list = this.recent(address);
    list.push(this.now());
    this.failures.set(address, list);
  }

  reset(): void {
    this.failures.clear();
  }
}

type InvokeMethod = typeof matchMaker.controller.invokeMethod;
let original: InvokeMethod | null = null;

/** Installs the limiter on the matchmaker's HTTP entry point (idempotent: the latest limiter wins). */
export function installJoinRateLimit(limiter: FailedJoinLimiter): void {
  original ??= matchMaker.controller.invokeMethod;
  const invoke = original;
  matchMaker.controller.invokeMethod = async function (method, roomName, clientOptions, authOptions) {
    if (method !== "joinById") return invoke.call(this, method, roomName, clientOptions, authOptions);
    const address = authOptions?.ip ?? "unknown";
    if (limiter.isBlocked(address)) throw new ServerError(JOIN_RATE_LIMIT_STATUS, JSON.stringify(refusal("join/rate-limited")));
    try {
      return await invoke.call(this, method, roomName.trim().toUpperCase(), clientOptions, authOptions);
    } catch (error) {
      if ((error as { code?: unknown }).code === ROOM_NOT_FOUND_STATUS) limiter.recordFailure(address);
      throw error;
    }
  };
}
