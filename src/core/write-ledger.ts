// What the write-safety rules remember between calls, per app: which confirm tokens were spent (a token
// confirms one real call) and how many accounts and messages were acted on without a confirmation in the
// sliding window (the write budget). In memory for one process; in Redis when replicas share the app, so a
// token spent on one replica is spent on all and the budget is one budget.
import { randomUUID } from "node:crypto";
import { loadRedisClass } from "./redis-class.js";

export type BudgetKind = "accounts" | "messages";

export interface BudgetUse {
  /** Accounts (or messages) acted on without confirmation in the window. */
  used: number;
  /** When the oldest of them leaves the window (ms since the epoch), if any. */
  freesAtMs?: number;
}

export interface WriteLedger {
  readonly mode: "memory" | "redis";
  /** Whether a token (by its fingerprint) was spent already. */
  isSpent(fingerprint: string): Promise<boolean>;
  /** Marks a token spent for ttl seconds; false when another call spent it first (atomic). */
  spend(fingerprint: string, ttlSeconds: number): Promise<boolean>;
  usage(kind: BudgetKind, windowSeconds: number): Promise<BudgetUse>;
  /**
   * Books n units at now. With a limit, only when the window's use plus n stays within it (atomic), and
   * false otherwise; without one (confirmed writes are counted, never blocked), always.
   */
  book(kind: BudgetKind, n: number, windowSeconds: number, limit?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** One process: a map of spent fingerprints and a list of bookings per kind. */
export function memoryLedger(now: () => number = Date.now): WriteLedger {
  const spent = new Map<string, number>();
  const bookings: Record<BudgetKind, { at: number; n: number }[]> = { accounts: [], messages: [] };
  const prune = (kind: BudgetKind, windowSeconds: number) => {
    const from = now() - windowSeconds * 1000;
    const list = bookings[kind];
    while (list.length > 0 && list[0]!.at <= from) list.shift();
    for (const [fp, until] of spent) if (until <= now()) spent.delete(fp);
    return list;
  };
  const usage = async (kind: BudgetKind, windowSeconds: number): Promise<BudgetUse> => {
    const list = prune(kind, windowSeconds);
    const used = list.reduce((s, b) => s + b.n, 0);
    return list.length ? { used, freesAtMs: list[0]!.at + windowSeconds * 1000 } : { used };
  };
  return {
    mode: "memory",
    isSpent: async (fp) => (spent.get(fp) ?? 0) > now(),
    spend: async (fp, ttl) => {
      if ((spent.get(fp) ?? 0) > now()) return false;
      spent.set(fp, now() + Math.max(1, ttl) * 1000);
      return true;
    },
    usage,
    book: async (kind, n, windowSeconds, limit) => {
      const { used } = await usage(kind, windowSeconds);
      if (limit !== undefined && used + n > limit) return false;
      if (n > 0) bookings[kind].push({ at: now(), n });
      return true;
    },
    close: async () => undefined,
  };
}

// KEYS[1]: a sorted set of bookings (member "<n>:<uuid>", score = ms). ARGV: now-independent, Redis's clock.
// Returns {used, oldest score or -1} after dropping what left the window.
const USAGE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local used = 0
for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do used = used + tonumber(string.match(m, '^(%d+):')) end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local oldest = -1
if first[2] then oldest = tonumber(first[2]) end
return {used, oldest, now}
`;

// Books ARGV[2] units (member ARGV[3]) if ARGV[4] is -1 (no limit) or the window's use stays within it.
const BOOK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
local limit = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local used = 0
for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do used = used + tonumber(string.match(m, '^(%d+):')) end
if limit >= 0 and used + n > limit then return 0 end
if n > 0 then
  redis.call('ZADD', KEYS[1], now, ARGV[2] .. ':' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window + 1000)
end
return 1
`;

type LedgerRedis = import("ioredis").Redis & {
  tcgmUsage(key: string, windowMs: number): Promise<[number, number, number]>;
  tcgmBook(key: string, windowMs: number, n: number, id: string, limit: number): Promise<number>;
};

/**
 * Replicas of one app: keys under the SDKAppID. Redis is the record, so it fails closed: when it does not
 * answer, the write is refused (nothing sent) rather than confirmed by a ledger nobody else sees.
 */
export async function redisLedger(opts: {
  url: string;
  sdkAppId: number;
  commandTimeoutMs?: number;
  keyPrefix?: string;
}): Promise<WriteLedger> {
  const Redis = await loadRedisClass();
  const redis = new Redis(opts.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    commandTimeout: opts.commandTimeoutMs ?? 2000,
    enableOfflineQueue: true,
  }) as LedgerRedis;
  redis.on("error", () => undefined); // each command reports its own failure
  redis.defineCommand("tcgmUsage", { numberOfKeys: 1, lua: USAGE });
  redis.defineCommand("tcgmBook", { numberOfKeys: 1, lua: BOOK });
  const prefix = `${opts.keyPrefix ?? "tcgm"}:${opts.sdkAppId}:writes`;
  const budgetKey = (kind: BudgetKind) => `${prefix}:budget:${kind}`;
  return {
    mode: "redis",
    isSpent: async (fp) => (await redis.exists(`${prefix}:spent:${fp}`)) === 1,
    spend: async (fp, ttl) => (await redis.set(`${prefix}:spent:${fp}`, "1", "EX", Math.max(1, ttl), "NX")) === "OK",
    usage: async (kind, windowSeconds) => {
      const [used, oldest] = await redis.tcgmUsage(budgetKey(kind), windowSeconds * 1000);
      return oldest >= 0 ? { used, freesAtMs: oldest + windowSeconds * 1000 } : { used };
    },
    book: async (kind, n, windowSeconds, limit) =>
      (await redis.tcgmBook(budgetKey(kind), windowSeconds * 1000, n, randomUUID(), limit ?? -1)) === 1,
    close: async () => {
      redis.disconnect();
    },
  };
}
