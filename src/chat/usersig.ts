// Admin UserSig: generated with tls-sig-api-v2, cached, and renewed well before it expires,
// so a server that runs for months never sends an expired signature (70001).
import { createRequire } from "node:module";
import type * as TlsSigApi from "tls-sig-api-v2";

const require = createRequire(import.meta.url);
// CommonJS package with duplicate "main" keys; require() resolves the last (TLSSigAPIv2.js).
const { Api } = require("tls-sig-api-v2") as typeof TlsSigApi;

export interface UserSigProvider {
  /** A UserSig valid for at least the renewal margin. Never log it. */
  get(): string;
}

export interface UserSigOptions {
  sdkAppId: number;
  identifier: string;
  secretKey?: string;
  userSig?: string;
  /** Validity of generated sigs. 7 days: long enough to be cheap, short enough that a leaked sig dies soon. */
  ttlSeconds?: number;
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
}

export const DEFAULT_USERSIG_TTL_SECONDS = 7 * 24 * 3600;

/** Renew when less than a quarter of the validity (and never less than an hour) remains. */
export function renewalMarginSeconds(ttlSeconds: number): number {
  return Math.max(Math.floor(ttlSeconds / 4), Math.min(3600, Math.floor(ttlSeconds / 2)));
}

/** Runs tls-sig-api-v2 with our clock: it reads Date.now() itself, and genUserSig is synchronous. */
export function generateUserSig(
  sdkAppId: number,
  secretKey: string,
  identifier: string,
  ttlSeconds: number,
  nowMs?: number,
): string {
  const api = new Api(sdkAppId, secretKey);
  if (nowMs === undefined) return api.genUserSig(identifier, ttlSeconds);
  const realNow = Date.now;
  Date.now = () => nowMs;
  try {
    return api.genUserSig(identifier, ttlSeconds);
  } finally {
    Date.now = realNow;
  }
}

export function createUserSigProvider(options: UserSigOptions): UserSigProvider {
  if (options.userSig) {
    const fixed = options.userSig;
    return { get: () => fixed };
  }
  const secretKey = options.secretKey;
  if (!secretKey) throw new Error("createUserSigProvider needs a secretKey or a userSig");
  const ttl = Math.floor(options.ttlSeconds ?? DEFAULT_USERSIG_TTL_SECONDS);
  if (ttl < 60) throw new Error("UserSig TTL must be at least 60 seconds");
  const margin = renewalMarginSeconds(ttl);
  const now = options.now ?? Date.now;
  let cached: { sig: string; expiresAt: number } | undefined;
  return {
    get() {
      const nowMs = now();
      const nowS = Math.floor(nowMs / 1000);
      if (!cached || cached.expiresAt - nowS < margin) {
        const sig = generateUserSig(
          options.sdkAppId,
          secretKey,
          options.identifier,
          ttl,
          options.now ? nowMs : undefined,
        );
        cached = { sig, expiresAt: nowS + ttl };
      }
      return cached.sig;
    },
  };
}
