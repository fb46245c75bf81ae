// The per-API token bucket on a clock of its own: burst, refill, slow-down after a rate-limit answer, order.
import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/chat/rate-limiter.js";

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((r) => setImmediate(r));
  return done;
};

describe("TokenBucket", () => {
  it("grants a burst of 5% of the rate at once, then one token per 1/(80% of the rate) seconds", async () => {
    let now = 0;
    const b = new TokenBucket(100, () => now); // burst 5, refill 80/s = one token per 12.5 ms
    for (let i = 0; i < 5; i++) await b.take();
    const sixth = b.take();
    expect(await settled(sixth)).toBe(false);
    now = 12.5;
    await sixth; // its wait was for 12.5 ms of this clock
    const seventh = b.take();
    now = 20; // 7.5 ms of refill: not yet a token
    expect(await settled(seventh)).toBe(false);
    now = 25;
    await seventh;
  });

  it("serves waiting callers first come, first served", async () => {
    let now = 0;
    const b = new TokenBucket(20, () => now); // burst 1, one token per 62.5 ms
    await b.take();
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => b.take().then(() => order.push(n)));
    const clock = setInterval(() => {
      now += 100; // more than a token's worth each tick
    }, 1);
    await Promise.all(waits);
    clearInterval(clock);
    expect(order).toEqual([1, 2, 3]);
  });

  it("after slowDown a second's refill is halved and the saved burst is gone", async () => {
    let now = 0;
    const b = new TokenBucket(100, () => now);
    b.slowDown(5000);
    const first = b.take();
    now = 12.5; // a token at full speed, half a token when slowed
    expect(await settled(first)).toBe(false);
    now = 25;
    await first;
  });

  it("a cancelled caller leaves the queue without its token", async () => {
    let now = 0;
    const b = new TokenBucket(20, () => now);
    await b.take();
    const ac = new AbortController();
    const cancelled = b.take(ac.signal);
    const next = b.take();
    ac.abort();
    await expect(cancelled).rejects.toThrow();
    now = 62.5;
    await next;
  });
});
