// Pure request builder: no I/O, no clock, unit-testable (reference §A.0).
import { randomInt } from "node:crypto";
import { type ApiName, endpointPath } from "./endpoints.js";

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
  api: ApiName,
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
  // The body must never be empty: Tencent wants at least "{}" (reference §0 row 1).
  const body = JSON.stringify(params ?? {}) || "{}";
  return { url: `${baseUrl.replace(/\/+$/, "")}${endpointPath(api)}?${query.toString()}`, body };
}
