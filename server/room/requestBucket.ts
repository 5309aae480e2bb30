// Per-client token bucket for requests: a burst is fine, a flood gets `request/rate-limited`
// (a typed refusal) long before Colyseus's hard maxMessagesPerSecond would disconnect.
export class RequestBucket {
  private tokens: number;
  private last: number;
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly now: () => number;

  constructor(perSecond: number, now: () => number = Date.now) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, perSecond * 2);
    this.tokens = this.burst;
    this.now = now;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
