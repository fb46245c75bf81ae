// Which failures a retry can fix, and how long to wait before it (Tencent advises backoff on 60007/60011/60018/60019 and transient 10002/60008).
import { setTimeout as sleep } from "node:timers/promises";
import { describeChatError } from "./error-codes.js";
import { ChatApiError, ChatHttpError, ChatNetworkError } from "./errors.js";

export const RATE_LIMIT_CODES = new Set([60007, 60011, 60018, 60019]);

export function isRetryable(err: unknown): boolean {
  if (err instanceof ChatApiError) return describeChatError(err.code).retryable;
  if (err instanceof ChatHttpError) return err.status >= 500 || err.status === 429;
  return err instanceof ChatNetworkError;
}

export interface BackoffDelays {
  /** Base of the exponential backoff for transient failures. */
  baseMs: number;
  /** First wait after a rate-limit answer; later ones wait up to twice as long. */
  rateLimitMs: number;
}

/**
 * Exponential backoff with full jitter, capped at 8 s, for transient failures. Rate-limit answers wait
 * 0.5-1x then 1-2x `rateLimitMs`: Tencent's limits are per-second windows, so a longer wait only loses
 * time, and a patient caller may retry many times within its budget.
 */
export function backoffMs(
  err: unknown,
  attempt: number,
  delays: BackoffDelays,
  random: () => number = Math.random,
): number {
  if (err instanceof ChatApiError) {
    const after = describeChatError(err.code).retryAfterSeconds;
    if (after) return after * 1000;
    if (RATE_LIMIT_CODES.has(err.code)) {
      const base = delays.rateLimitMs * (attempt === 1 ? 1 : 2);
      return Math.floor(base / 2 + (random() * base) / 2);
    }
  }
  const cap = Math.min(8000, delays.baseMs * 2 ** (attempt - 1));
  return Math.max(Math.floor(delays.baseMs / 2), Math.floor(random() * cap));
}

export function waitBeforeRetry(ms: number, signal?: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal });
}
