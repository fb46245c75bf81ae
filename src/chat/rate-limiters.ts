// The per-API rate gates a ChatClient takes a token from before every request. One process alone uses
// local token buckets; replicas behind a load balancer share one budget per app through Redis
// (shared-rate-limiter.ts), since Tencent's limits hold per app and API across all callers.
import type { ApiName } from "./endpoints.js";
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
  gate(api: ApiName): RateGate;
  mode(): LimiterMode;
  close(): Promise<void>;
}

export interface RateLimits {
  default: number;
  perApi: Partial<Record<ApiName, number>>;
}

export function limitOf(limits: RateLimits, api: ApiName): number {
  return limits.perApi[api] ?? limits.default;
}

/** One token bucket per API, at `limit × share` calls per second. */
export class LocalRateLimiters implements RateLimiters {
  private readonly buckets = new Map<ApiName, TokenBucket>();

  constructor(
    private readonly limits: RateLimits,
    private readonly share = 1,
  ) {}

  gate(api: ApiName): RateGate {
    return this.bucket(api);
  }

  bucket(api: ApiName): TokenBucket {
    let b = this.buckets.get(api);
    if (!b) {
      b = new TokenBucket(Math.max(0.5, limitOf(this.limits, api) * this.share));
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
