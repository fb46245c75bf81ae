// Which failures a retry can fix, and how long to wait before it (reference §B.4, issue 6).
import { setTimeout as sleep } from "node:timers/promises";
import { describeChatError } from "./error-codes.js";
import { ChatApiError, ChatHttpError, ChatNetworkError } from "./errors.js";

export const RATE_LIMIT_CODES = new Set([60007, 60011, 60018, 60019]);

export function isRetryable(err: unknown): boolean {
  if (err instanceof ChatApiError) return describeChatError(err.code).retryable;
  if (err instanceof ChatHttpError) return err.status >= 500 || err.status === 429;
  return err instanceof ChatNetworkError;
}

/** Exponential backoff with full jitter, capped; rate-limit codes wait at least a second. */
export function backoffMs(err: unknown, attempt: number, baseMs: number, random: () => number = Math.random): number {
  if (err instanceof ChatApiError) {
    const after = describeChatError(err.code).retryAfterSeconds;
    if (after) return after * 1000;
  }
  const cap = Math.min(8000, baseMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * cap);
  if (err instanceof ChatApiError && RATE_LIMIT_CODES.has(err.code)) return Math.max(1000, jittered);
  return Math.max(Math.floor(baseMs / 2), jittered);
}

export function waitBeforeRetry(ms: number, signal?: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal });
}
