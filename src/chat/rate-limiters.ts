// The per-API rate gates a ChatClient takes a token from before every request. One process alone uses
// local token buckets; replicas behind a load balancer share one budget per app through Redis
// (shared-rate-limiter.ts), since Tencent's limits hold per app and API across all callers.
import { TokenBucket } from "./rate-limiter.js";

export interface RateGate {
  /** Resolves when a request may be sent; rejects if the signal aborts. */
  take(signal?: AbortSignal): Promise<void>;
  /** The server said we are too fast (60007/60011/60018/60019): send less for a while. */
  slowDown(): void;
}

/** local: one process's own buckets; shared: one budget through Redis; degraded: Redis unreachable, local at limit ÷ replicas. */
export type LimiterMode = "local" | "shared" | "degraded";

export interface RateLimiters {
  /** The gate of one API; `documented` is Tencent's own limit for it when lower than the usual 200/s. */
  gate(api: string, documented?: number): RateGate;
  mode(): LimiterMode;
  close(): Promise<void>;
}

export interface RateLimits {
  default: number;
  perApi: Partial<Record<string, number>>;
}

/** A configured per-API limit wins; otherwise the default, never above the API's documented limit. */
export function limitOf(limits: RateLimits, api: string, documented?: number): number {
  return limits.perApi[api] ?? Math.min(limits.default, documented ?? Number.POSITIVE_INFINITY);
}

/** One token bucket per API, at `limit × share` calls per second. */
export class LocalRateLimiters implements RateLimiters {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: RateLimits,
    private readonly share = 1,
  ) {}

  gate(api: string, documented?: number): RateGate {
    return this.bucket(api, documented);
  }

  bucket(api: string, documented?: number): TokenBucket {
    let b = this.buckets.get(api);
    if (!b) {
      b = new TokenBucket(Math.max(0.1, limitOf(this.limits, api, documented) * this.share));
      this.buckets.set(api, b);
    }
    return b;
  }

  /** Spends every bucket's saved-up burst (a budget taking over from another must not start with one). */
  drainAll(): void {
    for (const b of this.buckets.values()) b.drain();
  }

  mode(): LimiterMode {
    return "local";
  }

  async close(): Promise<void> {}
}
