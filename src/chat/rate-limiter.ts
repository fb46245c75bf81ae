// Client-side token bucket per API, shared by every call of one ChatClient (one per process),
// so concurrent tool calls together stay under Tencent's per-API limit (200 calls/s by default).
import { setTimeout as sleep } from "node:timers/promises";

export class TokenBucket {
  private tokens: number;
  private last: number;
  private slowUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = this.capacity;
    this.last = this.now();
  }

  // Any 1-second window can hold a full burst plus one second of refill, and requests granted evenly
  // arrive bunched (scheduling on either side compresses them: with 500 concurrent scans on two cores,
  // a 90% budget still saw 1-3 seconds over the limit): a 5% burst (so a batch of concurrent calls goes
  // out together) and an 80% refill keep every granted window at 85% of the limit.
  private get capacity(): number {
    return Math.max(1, Math.floor(this.ratePerSecond / 20));
  }

  private currentRate(): number {
    const rate = Math.max(0.5, this.ratePerSecond * 0.8);
    return this.now() < this.slowUntil ? rate / 2 : rate;
  }

  /** Halve the rate for a while after the server said we are too fast (60007/60011/60018/60019). */
  slowDown(forMs = 5000): void {
    this.slowUntil = Math.max(this.slowUntil, this.now() + forMs);
    this.drain();
  }

  /** Spends any saved-up burst: the next token comes at the refill rate. */
  drain(): void {
    this.tokens = Math.min(this.tokens, 0);
    this.last = this.now();
  }

  /** Resolves when every caller queued so far has had its token (or given up). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Resolves when a call may be sent; FIFO so no caller starves. Rejects if the signal aborts. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const t = this.now();
      const rate = this.currentRate();
      this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * rate);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.max(1, ((1 - this.tokens) / rate) * 1000);
      await sleep(waitMs, undefined, { signal });
    }
  }
}
