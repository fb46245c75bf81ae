// UserSig decoder and verifier written from the documented algorithm (https://trtc.io/document/34385), not from
// the client's code, so the emulator independently proves our client's signatures are right.
import { createHmac, timingSafeEqual } from "node:crypto";
import { inflateSync } from "node:zlib";

export interface DecodedUserSig {
  "TLS.ver": string;
  "TLS.identifier": string;
  "TLS.sdkappid": number;
  "TLS.time": number;
  "TLS.expire": number;
  "TLS.sig": string;
  "TLS.userbuf"?: string;
}

export type VerifyResult =
  | { ok: true; sig: DecodedUserSig }
  | { ok: false; reason: "unparseable" | "sdkappid" | "identifier" | "expired" | "hmac" };

/** URL variant of base64: `*` `-` `_` stand for `+` `/` `=`. Inflate accepts any zlib level. */
export function decodeUserSig(userSig: string): DecodedUserSig | undefined {
  try {
    if (!/^[A-Za-z0-9*\-_]+$/.test(userSig)) return undefined;
    const b64 = userSig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
    const json: unknown = JSON.parse(inflateSync(Buffer.from(b64, "base64")).toString("utf8"));
    const d = json as Partial<DecodedUserSig>;
    if (
      typeof d["TLS.identifier"] !== "string" ||
      typeof d["TLS.sdkappid"] !== "number" ||
      typeof d["TLS.time"] !== "number" ||
      typeof d["TLS.expire"] !== "number" ||
      typeof d["TLS.sig"] !== "string"
    )
      return undefined;
    return d as DecodedUserSig;
  } catch {
    return undefined;
  }
}

export function userSigHmac(secretKey: string, d: Omit<DecodedUserSig, "TLS.sig" | "TLS.ver">): string {
  let content =
    `TLS.identifier:${d["TLS.identifier"]}\n` +
    `TLS.sdkappid:${d["TLS.sdkappid"]}\n` +
    `TLS.time:${d["TLS.time"]}\n` +
    `TLS.expire:${d["TLS.expire"]}\n`;
  if (d["TLS.userbuf"] !== undefined) content += `TLS.userbuf:${d["TLS.userbuf"]}\n`;
  return createHmac("sha256", secretKey).update(content).digest("base64");
}

/** Checks in the Go verifier's order: sdkappid, identifier, expiry, HMAC (https://trtc.io/document/34385). */
export function verifyUserSig(
  userSig: string,
  expected: { sdkAppId: number; identifier: string; secretKey: string; nowSeconds: number },
): VerifyResult {
  const d = decodeUserSig(userSig);
  if (!d) return { ok: false, reason: "unparseable" };
  if (d["TLS.sdkappid"] !== expected.sdkAppId) return { ok: false, reason: "sdkappid" };
  if (d["TLS.identifier"] !== expected.identifier) return { ok: false, reason: "identifier" };
  if (expected.nowSeconds > d["TLS.time"] + d["TLS.expire"]) return { ok: false, reason: "expired" };
  const want = Buffer.from(userSigHmac(expected.secretKey, d));
  const got = Buffer.from(d["TLS.sig"]);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: "hmac" };
  return { ok: true, sig: d };
}
