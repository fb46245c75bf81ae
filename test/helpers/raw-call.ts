// Plain signed HTTP calls to the emulator, independent of our ChatClient (tests of the emulator itself).
import { request } from "undici";
import { generateUserSig } from "../../src/chat/usersig.js";
import type { RunningEmulator } from "../../src/emulator/index.js";

export interface RawOptions {
  query?: Record<string, string | undefined>;
  body?: string;
  userSig?: string;
  identifier?: string;
  sdkAppId?: number;
}

export async function rawCall(
  emu: RunningEmulator,
  path: string,
  payload: unknown,
  o: RawOptions = {},
): Promise<{ status: number; json: Record<string, unknown>; text: string }> {
  const c = emu.credentials;
  const sdkAppId = o.sdkAppId ?? c.sdkAppId;
  const identifier = o.identifier ?? c.identifier;
  const q = new URLSearchParams();
  const base: Record<string, string | undefined> = {
    sdkappid: String(sdkAppId),
    identifier,
    usersig: o.userSig ?? generateUserSig(c.sdkAppId, c.secretKey, identifier, 3600),
    random: "12345",
    contenttype: "json",
    ...o.query,
  };
  for (const [k, v] of Object.entries(base)) if (v !== undefined) q.set(k, v);
  const res = await request(`${emu.url}${path}?${q}`, { method: "POST", body: o.body ?? JSON.stringify(payload) });
  const text = await res.body.text();
  return { status: res.statusCode, json: JSON.parse(text) as Record<string, unknown>, text };
}
