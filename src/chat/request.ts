// Pure request builder: no I/O, no clock, unit-testable. URL format and query parameters:
// https://www.tencentcloud.com/document/product/1047/34620
import { randomInt } from "node:crypto";

export interface AuthParams {
  sdkAppId: number;
  identifier: string;
  userSig: string;
}

export interface BuiltRequest {
  url: string;
  body: string;
}

/** A fresh random u32 for the `random` query parameter (0..4294967295). */
export function randomU32(): number {
  return randomInt(0, 2 ** 32);
}

export function buildRequest(
  baseUrl: string,
  api: { service: string; command: string; bigIntegerFields?: readonly string[] },
  params: object,
  auth: AuthParams,
  random: number = randomU32(),
): BuiltRequest {
  const query = new URLSearchParams({
    sdkappid: String(auth.sdkAppId),
    identifier: auth.identifier,
    usersig: auth.userSig,
    random: String(random >>> 0),
    contenttype: "json",
  });
  // The body must never be empty: Tencent wants at least "{}".
  let body = JSON.stringify(params ?? {}) || "{}";
  // A uint64 field travels as bare digits; a JS number would round it (the schema allows only digits).
  for (const field of api.bigIntegerFields ?? [])
    body = body.replace(new RegExp(`^\\{(.*?)"${field}":"(\\d{1,20})"`), `{$1"${field}":$2`);
  return { url: `${baseUrl.replace(/\/+$/, "")}/v4/${api.service}/${api.command}?${query.toString()}`, body };
}
