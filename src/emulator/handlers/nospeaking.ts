// openconfigsvr/getnospeaking and setnospeaking (https://www.tencentcloud.com/document/product/1047/34924,
// /34923): an account's app-wide mute. The store keeps the mute's end; the answer is the seconds left, as
// the page's example shows (7196 a few seconds after 7200), with 4294967295 kept as "forever".
import { CODES, EmuFailure, ok } from "../envelope.js";
import type { Handler } from "./context.js";

const FOREVER = 4294967295;
const ACCOUNT = /^[\x20-\x7e]{1,32}$/;

function account(body: Record<string, unknown>, field: "Get_Account" | "Set_Account"): string {
  const a = body[field];
  if (a === undefined) throw new EmuFailure(CODES.accountMissing, `the request has no ${field}`);
  if (typeof a !== "string" || !ACCOUNT.test(a)) throw new EmuFailure(CODES.accountInvalid, `${field} is invalid`);
  return a;
}

function duration(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > FOREVER)
    throw new EmuFailure(CODES.invalidParam, `${field} must be an integer 0-4294967295`);
  return value;
}

const left = (end: number, now: number) => (end === FOREVER ? FOREVER : Math.max(0, end - now));

export const getNoSpeaking: Handler = (ctx) => {
  const a = account(ctx.body, "Get_Account");
  const m = ctx.store.accountMute(ctx.app.sdkAppId, a);
  return ok({ C2CmsgNospeakingTime: left(m.direct, ctx.now), GroupmsgNospeakingTime: left(m.group, ctx.now) });
};

export const setNoSpeaking: Handler = (ctx) => {
  const a = account(ctx.body, "Set_Account");
  const direct = duration(ctx.body.C2CmsgNospeakingTime, "C2CmsgNospeakingTime");
  const group = duration(ctx.body.GroupmsgNospeakingTime, "GroupmsgNospeakingTime");
  if (direct === undefined && group === undefined)
    throw new EmuFailure(CODES.noMuteTime, "neither GroupmsgNospeakingTime nor C2CmsgNospeakingTime is given");
  // 0 lifts, 4294967295 is forever, anything else ends that many seconds from now.
  const end = (s: number) => (s === 0 ? 0 : s === FOREVER ? FOREVER : ctx.now + s);
  ctx.store.setAccountMute(ctx.app.sdkAppId, a, {
    ...(direct !== undefined ? { direct: end(direct) } : {}),
    ...(group !== undefined ? { group: end(group) } : {}),
  });
  return { status: 200, body: { ErrorCode: 0, ErrorInfo: "" } };
};
