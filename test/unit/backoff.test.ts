// Backoff schedule: transient failures back off exponentially with full jitter; rate-limit answers wait
// about one limit window (0.5-1x, then 1-2x rateLimitMs) so a patient caller can outwait a long storm.
import { describe, expect, it } from "vitest";
import { ChatApiError, ChatNetworkError } from "../../src/chat/errors.js";
import { backoffMs } from "../../src/chat/retry.js";

const delays = { baseMs: 100, rateLimitMs: 1000 };
const api = (code: number) => new ChatApiError("get_group_info", code, "", "");
const net = new ChatNetworkError("get_group_info", "reset", "", false);

describe("backoffMs", () => {
  it.each([60007, 60011, 60018, 60019])("rate-limit code %i: first wait 0.5-1 s, later ones 1-2 s", (code) => {
    expect(backoffMs(api(code), 1, delays, () => 0)).toBe(500);
    expect(backoffMs(api(code), 1, delays, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffMs(api(code), 2, delays, () => 0)).toBe(1000);
    expect(backoffMs(api(code), 30, delays, () => 0.999)).toBeLessThanOrEqual(2000);
    expect(backoffMs(api(code), 30, delays, () => 0)).toBe(1000);
  });

  it("transient failures grow exponentially to an 8 s cap, never below half the base", () => {
    expect(backoffMs(net, 1, delays, () => 0.999)).toBeLessThan(100);
    expect(backoffMs(net, 4, delays, () => 0.999)).toBeGreaterThan(790);
    expect(backoffMs(net, 20, delays, () => 0.999)).toBeLessThan(8000);
    expect(backoffMs(net, 20, delays, () => 0.999)).toBeGreaterThan(7900);
    expect(backoffMs(net, 3, delays, () => 0)).toBe(50);
    expect(backoffMs(api(10002), 3, delays, () => 0)).toBe(50);
  });

  it("70050 waits the documented minute", () => {
    expect(backoffMs(api(70050), 1, delays, () => 0)).toBe(60_000);
  });
});
