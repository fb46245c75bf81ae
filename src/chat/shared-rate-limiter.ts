// One rate-limit budget per (SDKAppID, API) shared by every replica, kept in Redis (or Valkey).
// Each request reserves the next free slot of a GCRA schedule in one atomic Lua script, using Redis's
// clock, so replicas with skewed clocks agree and no caller polls: it sleeps until its slot.
// Redis down, slow or unreachable: requests never wait on it. They fall back at once to local buckets
// at limit ÷ replicas, the outage is logged once, and the shared budget is rejoined when Redis answers.
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { loadRedisClass, type RedisClass } from "../core/redis-class.js";
import {
  type LimiterMode,
  LocalRateLimiters,
  limitOf,
  type RateGate,
  type RateLimiters,
  type RateLimits,
} from "./rate-limiters.js";

// Reserve one slot: KEYS[1] holds the theoretical arrival time (TAT, µs). Returns the wait for this slot
// and the end of every slot reserved so far, by any replica (both in µs from now).
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - now
local nexttat = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', nexttat), 'PX', math.floor((nexttat - now) / 1000) + 1000)
return {wait, nexttat - now}
`;

// Hold every replica's next slot until ARGV[1] µs from now after a rate-limit answer. Pauses do not
// stack: a burst of 60007 answers to calls already in flight holds the schedule once, not once each.
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local nexttat = now + tonumber(ARGV[1])
if tat > nexttat then return 0 end
redis.call('SET', KEYS[1], string.format('%.0f', nexttat), 'PX', math.floor((nexttat - now) / 1000) + 1000)
return 1
`;

// Slots are spaced at 85% of the limit, like the local bucket's worst case: arrivals at Tencent bunch
// (network and scheduling jitter on either side), and the server counts every 1-second window. Measured
// on a loaded 2-core machine with 3 replicas and 50 clients: at 95% the busiest second reached 98-100%
// of the limit, at 90% 93-100% (a rare 60007), at 85% 89-93%.
export const SHARED_FRACTION = 0.85;
const PAUSE_AFTER_RATE_LIMIT_MS = 250;
/** After a Redis timeout, stay local this long before asking Redis again. */
const RETRY_REDIS_AFTER_MS = 1000;

type LimiterRedis = Redis & {
  tcgmReserve(key: string, intervalUs: number): Promise<[number, number]>;
  tcgmPause(key: string, pauseUs: number): Promise<number>;
};

export interface SharedRateLimiterOptions {
  url: string;
  sdkAppId: number;
  limits: RateLimits;
  /** Replicas sharing the app: the local fallback runs at limit ÷ replicas. */
  replicas: number;
  /** Longest wait for any Redis command before falling back (ms). */
  commandTimeoutMs?: number;
  keyPrefix?: string;
  onNotice?: (message: string) => void;
}

/** host:port of a Redis URL, without credentials, for logs. */
export function redisEndpoint(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return "redis";
  }
}

export class SharedRateLimiters implements RateLimiters {
  private readonly fallback: LocalRateLimiters;
  private readonly gates = new Map<string, RateGate>();
  private readonly redis: LimiterRedis;
  /** Redis answered in time since it was last ready. */
  private healthy = false;
  private localUntil = 0;
  private outageLogged = false;
  /** Per API, the end of the slots reserved in Redis by all replicas, as last seen (epoch ms). */
  private readonly reservedUntil = new Map<string, number>();
  /** Tencent's own limit per API where it is below the usual one (get_appid_group_list: 1/s). */
  private readonly documented = new Map<string, number>();

  private constructor(
    private readonly o: SharedRateLimiterOptions,
    RedisCtor: RedisClass,
  ) {
    this.fallback = new LocalRateLimiters(o.limits, 1 / Math.max(1, o.replicas));
    const timeout = o.commandTimeoutMs ?? 250;
    this.redis = new RedisCtor(o.url, {
      // Commands fail fast instead of queueing behind a dead connection; ioredis reconnects in the background.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: timeout,
      connectTimeout: Math.max(timeout, 1000),
      retryStrategy: (times) => Math.min(100 * times, 1000),
      lazyConnect: false,
    }) as LimiterRedis;
    this.redis.defineCommand("tcgmReserve", { numberOfKeys: 1, lua: RESERVE });
    this.redis.defineCommand("tcgmPause", { numberOfKeys: 1, lua: PAUSE });
    this.redis.on("ready", () => {
      this.healthy = true;
      this.localUntil = 0;
      if (this.outageLogged) this.notice(`Redis at ${redisEndpoint(o.url)} is back: rejoined the shared rate budget.`);
      this.outageLogged = false;
    });
    this.redis.on("error", (err: Error) => this.degrade(err.message));
    this.redis.on("close", () => {
      if (this.healthy) this.degrade("connection closed");
      this.healthy = false;
    });
  }

  /** Loads ioredis only now, so a server without Redis starts as fast as before. */
  static async create(o: SharedRateLimiterOptions): Promise<SharedRateLimiters> {
    return new SharedRateLimiters(o, await loadRedisClass());
  }

  gate(api: string, documented?: number): RateGate {
    let g = this.gates.get(api);
    if (!g) {
      if (documented !== undefined) this.documented.set(api, documented);
      g = { take: (signal) => this.take(api, signal), slowDown: () => this.slowDown(api) };
      this.gates.set(api, g);
    }
    return g;
  }

  mode(): LimiterMode {
    return this.useRedis() ? "shared" : "degraded";
  }

  async close(): Promise<void> {
    this.redis.removeAllListeners("close");
    this.redis.disconnect();
  }

  private key(api: string): string {
    return `${this.o.keyPrefix ?? "tcgm:rl"}:${this.o.sdkAppId}:${api}`;
  }

  private useRedis(): boolean {
    return this.healthy && this.redis.status === "ready" && Date.now() >= this.localUntil;
  }

  private async take(api: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (!this.useRedis()) return this.takeLocal(api, signal);
    // Back from an outage: callers already queued on the local bucket go first, so the two budgets
    // never grant at the same time.
    await this.fallback.bucket(api, this.documented.get(api)).idle();
    let waitUs: number;
    let horizonUs: number;
    try {
      const intervalUs = Math.round(
        1_000_000 / (limitOf(this.o.limits, api, this.documented.get(api)) * SHARED_FRACTION),
      );
      [waitUs, horizonUs] = (await this.redis.tcgmReserve(this.key(api), intervalUs)).map(Number) as [number, number];
    } catch (err) {
      this.degrade(err instanceof Error ? err.message : String(err));
      this.localUntil = Date.now() + RETRY_REDIS_AFTER_MS;
      return this.takeLocal(api, signal);
    }
    const waitMs = Math.ceil(waitUs / 1000);
    this.reservedUntil.set(api, Math.max(this.reservedUntil.get(api) ?? 0, Date.now() + Math.ceil(horizonUs / 1000)));
    if (this.outageLogged) {
      this.outageLogged = false;
      this.notice(`Redis at ${redisEndpoint(this.o.url)} answers again: rejoined the shared rate budget.`);
    }
    if (waitMs > 0) await sleep(waitMs, undefined, { signal });
  }

  /**
   * Local bucket at limit ÷ replicas, starting only after every slot already reserved in Redis (as last
   * seen), so the replicas' fallback buckets never grant while shared slots are still being used.
   */
  private async takeLocal(api: string, signal?: AbortSignal): Promise<void> {
    const until = this.reservedUntil.get(api) ?? 0;
    const bucket = this.fallback.bucket(api, this.documented.get(api));
    if (until > Date.now()) {
      await sleep(until - Date.now(), undefined, { signal });
      bucket.drain(); // no burst saved up while waiting: the shared slots just ended
    }
    return bucket.take(signal);
  }

  private slowDown(api: string): void {
    this.fallback.gate(api, this.documented.get(api)).slowDown();
    if (!this.useRedis()) return;
    this.redis.tcgmPause(this.key(api), PAUSE_AFTER_RATE_LIMIT_MS * 1000).catch(() => undefined);
  }

  private degrade(reason: string): void {
    if (this.outageLogged) return;
    this.fallback.drainAll();
    this.outageLogged = true;
    const share = `${(1 / Math.max(1, this.o.replicas)).toFixed(2).replace(/\.?0+$/, "")}`;
    this.notice(
      `Redis at ${redisEndpoint(this.o.url)} is unreachable (${reason.slice(0, 120)}): using local rate buckets at ${share} of each limit (TENCENT_CHAT_REPLICAS=${this.o.replicas}) until it is back.`,
    );
  }

  private notice(message: string): void {
    try {
      this.o.onNotice?.(message);
    } catch {
      // A faulty observer must not break rate limiting.
    }
  }
}
