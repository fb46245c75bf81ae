// Per-API, per-app frequency limit (default 200 calls/s; lower where an API's page says so) answered with 60007,
// plus the statistics tests and benchmarks read (max calls in any 1-second window).
export class CallCounter {
  private readonly windows = new Map<string, number[]>();
  private readonly maxWindow = new Map<string, number>();
  private readonly calls = new Map<string, number>();
  private readonly rejected = new Map<string, number>();
  private readonly codes = new Map<number, number>();

  constructor(private readonly limitPerSecond: number) {}

  /** Records a call at `nowMs`; false when it would exceed the limit in the sliding second. */
  admit(key: string, nowMs: number, limitPerSecond = this.limitPerSecond): boolean {
    const w = this.windows.get(key) ?? [];
    while (w.length > 0 && w[0]! <= nowMs - 1000) w.shift();
    if (w.length >= limitPerSecond) {
      this.rejected.set(key, (this.rejected.get(key) ?? 0) + 1);
      return false;
    }
    w.push(nowMs);
    this.windows.set(key, w);
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    this.maxWindow.set(key, Math.max(this.maxWindow.get(key) ?? 0, w.length));
    return true;
  }

  /** Counts every non-zero ErrorCode answered (tests check that valid calls never break a documented limit). */
  recordCode(code: number): void {
    if (code !== 0) this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }

  snapshot(): {
    calls: Record<string, number>;
    maxPerSecond: Record<string, number>;
    rateLimited: Record<string, number>;
    errorCodes: Record<string, number>;
  } {
    return {
      errorCodes: Object.fromEntries(this.codes),
      calls: Object.fromEntries(this.calls),
      maxPerSecond: Object.fromEntries(this.maxWindow),
      rateLimited: Object.fromEntries(this.rejected),
    };
  }

  reset(): void {
    this.windows.clear();
    this.maxWindow.clear();
    this.calls.clear();
    this.rejected.clear();
    this.codes.clear();
  }
}
