/**
 * A sliding-window rate limit in memory: at most `max` attempts per key (an address) in any `windowMs`. Each key
 * keeps at most `max` timestamps and at most `maxKeys` keys are kept (least recently seen dropped first), so the
 * memory stays bounded whatever the traffic. The clock is injected, for tests. One process only: behind several
 * server processes each counts its own attempts, which the per-account lockout backs up.
 */
export interface RateLimiterOptions {
  max: number;
  windowMs: number;
  /** Milliseconds since the epoch. */
  now: () => number;
  maxKeys?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly maxKeys: number;

  constructor(private readonly opts: RateLimiterOptions) {
    this.maxKeys = opts.maxKeys ?? 10_000;
  }

  /** Counts one attempt for `key` if it is allowed; a refused attempt is not counted. */
  attempt(key: string): RateDecision {
    const now = this.opts.now();
    const since = now - this.opts.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    this.hits.delete(key);
    if (recent.length >= this.opts.max) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0]! + this.opts.windowMs - now };
    }
    recent.push(now);
    // Re-inserted, so the Map's order is the order keys were last seen in.
    this.hits.set(key, recent);
    this.evict(since);
    return { allowed: true };
  }

  /** How many keys are tracked (for tests of the bound). */
  get size(): number {
    return this.hits.size;
  }

  private evict(since: number): void {
    if (this.hits.size <= this.maxKeys) return;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1]! <= since) this.hits.delete(key);
    }
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
