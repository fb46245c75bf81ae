// The small concurrency parts the client and the scans rest on: connection slots (a request takes its
// rate-limit token only once it can go on the wire) and the ordered concurrent pool of page fetches.
import { describe, expect, it } from "vitest";
import { orderedConcurrent } from "../../src/aggregate/pool.js";
import { SendSlots } from "../../src/chat/send-slots.js";

const tick = () => new Promise((r) => setImmediate(r));

describe("SendSlots", () => {
  it("grants at most `size` at once, first come first served, and a release is counted once", async () => {
    const slots = new SendSlots(2);
    const order: number[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    const granted = (n: number) => (release: () => void) => {
      order.push(n);
      return release;
    };
    const c = slots.acquire().then(granted(3));
    const d = slots.acquire().then(granted(4));
    await tick();
    expect(order).toEqual([]);
    a();
    a(); // a second release of the same slot frees nothing more
    await tick();
    expect(order).toEqual([3]);
    b();
    await tick();
    expect(order).toEqual([3, 4]);
    (await c)();
    (await d)();
    // All free again: two immediate grants, the third waits.
    await slots.acquire();
    await slots.acquire();
    let third = false;
    void slots.acquire().then(() => {
      third = true;
    });
    await tick();
    expect(third).toBe(false);
  });

  it("a waiter that is cancelled leaves the queue without taking a slot", async () => {
    const slots = new SendSlots(1);
    const held = await slots.acquire();
    const abort = new AbortController();
    const cancelled = slots.acquire(abort.signal);
    let next = false;
    const after = slots.acquire().then((r) => {
      next = true;
      return r;
    });
    abort.abort(new Error("cancelled"));
    await expect(cancelled).rejects.toThrow("cancelled");
    held();
    await after;
    expect(next).toBe(true);
  });
});

describe("orderedConcurrent", () => {
  it("yields results in input order with at most `concurrency` tasks running", async () => {
    let running = 0;
    let peak = 0;
    const delays = [30, 5, 20, 1, 10, 2];
    const out: number[] = [];
    for await (const v of orderedConcurrent(delays.keys(), 3, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, delays[i]));
      running--;
      return i;
    }))
      out.push(v);
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(3);
  });

  it("pulls inputs lazily, so an endless input is fine when the consumer stops", async () => {
    function* endless() {
      for (let i = 0; ; i++) yield i;
    }
    const out: number[] = [];
    for await (const v of orderedConcurrent(endless(), 4, async (i) => i * 2)) {
      out.push(v);
      if (out.length === 5) break;
    }
    expect(out).toEqual([0, 2, 4, 6, 8]);
  });
});
