// Per-address limits on matchmaking, built on rate-limiter-flexible: failed join attempts (code
// guessing) and session creations. With Redis the counters live there, so every process shares
// one limit per address; otherwise they live in this process's memory.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface AddressLimitSettings {
  /** Failed joins (unknown codes) allowed per address per minute. */
  joinFailuresPerMinute: number;
  /** Sessions one address may create per minute. */
  createsPerMinute: number;
  /** An ioredis client (the Redis presence's own connection) to share counters across processes. */
  redisClient?: unknown;
}

function makeLimiter(points: number, keyPrefix: string, redisClient: unknown): RateLimiterAbstract {
  const options = { points: Math.max(1, points), duration: 60, keyPrefix };
  return redisClient ? new RateLimiterRedis({ ...options, storeClient: redisClient }) : new RateLimiterMemory(options);
}

export class AddressLimits {
  private readonly failedJoins: RateLimiterAbstract;
  private readonly creates: RateLimiterAbstract;
  private readonly joinFailuresPerMinute: number;

  constructor(settings: AddressLimitSettings) {
    this.joinFailuresPerMinute = settings.joinFailuresPerMinute;
    this.failedJoins = makeLimiter(settings.joinFailuresPerMinute, "hc:failed-join", settings.redisClient);
    this.creates = makeLimiter(settings.createsPerMinute, "hc:create", settings.redisClient);
  }

  /** True once this address has used up its failed joins for the current minute. */
  async isJoinBlocked(address: string): Promise<boolean> {
    const res = await this.failedJoins.get(address);
    return res !== null && res.consumedPoints >= this.joinFailuresPerMinute;
  }

  async recordFailedJoin(address: string): Promise<void> {
    await this.failedJoins.penalty(address, 1);
  }

  /** Counts one creation; false when the address has created its allowance this minute. */
  async tryCreate(address: string): Promise<boolean> {
    try {
      await this.creates.consume(address, 1);
      return true;
    } catch (rejection) {
      if (rejection instanceof Error) throw rejection;
      return false;
    }
  }
}
