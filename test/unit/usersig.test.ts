import { createHmac } from "node:crypto";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createUserSigProvider, generateUserSig } from "../../src/chat/usersig.js";

// Test vectors computed with tls-sig-api-v2@1.0.2 and a stubbed clock.
const KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const APP = 1400000000;

// Decoded here independently of src/: URL-safe base64 (*-_), zlib inflate, JSON.
function decode(sig: string): Record<string, unknown> {
  const b64 = sig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
  return JSON.parse(inflateSync(Buffer.from(b64, "base64")).toString("utf8")) as Record<string, unknown>;
}

function hmac(id: string, time: number, expire: number): string {
  const content = `TLS.identifier:${id}\nTLS.sdkappid:${APP}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  return createHmac("sha256", KEY).update(content).digest("base64");
}

describe("UserSig generation", () => {
  it.each([
    ["administrator", 86400, "yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60="],
    ["xiaojun", 15552000, "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="],
    ["12345", 60, "q72Md7rC14WRv709jEfGynFW4/qzPsvg90pG7rE79Ec="],
  ])("matches reference vector for %s", (id, expire, sig) => {
    const userSig = generateUserSig(APP, KEY, id, expire, 1_700_000_000_000);
    expect(userSig).toMatch(/^[A-Za-z0-9*\-_]+$/);
    const doc = decode(userSig);
    expect(doc).toEqual({
      "TLS.ver": "2.0",
      "TLS.identifier": id,
      "TLS.sdkappid": APP,
      "TLS.time": 1_700_000_000,
      "TLS.expire": expire,
      "TLS.sig": sig,
    });
    expect(hmac(id, 1_700_000_000, expire)).toBe(sig);
  });

  it("reproduces vector 1's full string", () => {
    expect(generateUserSig(APP, KEY, "administrator", 86400, 1_700_000_000_000)).toBe(
      "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCxKVbKyMDOBCRVnpitZKVX6OKZql5uHh6aGlhYmhVlm6IdEmFuUGhnmh7hnamdaRhUYlhoHFORFmhnYKtUCAK0SM5I_",
    );
  });

  it("restores Date.now after generating with an injected clock", () => {
    const before = Date.now;
    generateUserSig(APP, KEY, "a", 60, 1);
    expect(Date.now).toBe(before);
  });
});

describe("UserSig provider", () => {
  it("caches the sig and renews it before expiry", () => {
    let now = 1_700_000_000_000;
    const p = createUserSigProvider({
      sdkAppId: APP,
      identifier: "administrator",
      secretKey: KEY,
      ttlSeconds: 86400,
      now: () => now,
    });
    const first = p.get();
    now += 3600_000;
    expect(p.get()).toBe(first); // still fresh: cached
    now += 18 * 3600_000; // 19 h in: less than a quarter of 24 h left
    const renewed = p.get();
    expect(renewed).not.toBe(first);
    expect(decode(renewed)["TLS.time"]).toBe(Math.floor(now / 1000));
    // Never sends a sig that expires within the margin, however long the server runs.
    for (let i = 0; i < 500; i++) {
      now += 3 * 3600_000;
      const d = decode(p.get());
      expect((d["TLS.time"] as number) + (d["TLS.expire"] as number) - now / 1000).toBeGreaterThan(6 * 3600 - 1);
    }
  });

  it("returns a configured UserSig unchanged", () => {
    expect(createUserSigProvider({ sdkAppId: APP, identifier: "a", userSig: "eJx-given" }).get()).toBe("eJx-given");
  });
});
