// group_open_http_svc/get_appid_group_list (https://trtc.io/document/34960): the app's group IDs, Limit <= 10,000,
// paged by a uint64 Next ("0" first, 0 returned at the end), TotalCount of the whole app (or of GroupType).
import { CODES, EmuFailure, ok } from "../envelope.js";
import { isEmuGroupType } from "../model.js";
import { RULES } from "../rules.js";
import { type Handler, optionalInt } from "./context.js";

// Cursors are 2^63 + 4096 × position + 1: above 2^53 and always odd, so a cursor that went through a double
// (which rounds to a multiple of 2048 at this size) can never name a real position.
const BASE = 2n ** 63n;
const STEP = 4096n;

export function encodeGroupCursor(position: number): bigint {
  return BASE + STEP * BigInt(position) + 1n;
}

function decodeGroupCursor(raw: unknown): number {
  if (raw === undefined || raw === 0 || raw === "0") return 0;
  // The server reads Next as a JSON integer; the router hands its exact digits over as a string.
  if (typeof raw !== "string" || !/^\d{1,20}$/.test(raw))
    throw new EmuFailure(CODES.invalidParam, "Next must be the integer returned by the previous call");
  const n = BigInt(raw);
  if (n < BASE || (n - BASE - 1n) % STEP !== 0n)
    throw new EmuFailure(CODES.invalidParam, "invalid Next: pass back exactly the Next of the previous answer");
  return Number((n - BASE - 1n) / STEP);
}

export const getAppidGroupList: Handler = (ctx) => {
  const limit = optionalInt(ctx.body, "Limit", 1, RULES.groupIdPageMax) ?? RULES.groupIdPageMax;
  const type = ctx.body.GroupType;
  if (type !== undefined && !isEmuGroupType(type)) throw new EmuFailure(CODES.invalidParam, "invalid GroupType");
  const from = decodeGroupCursor(ctx.body.Next);
  const all = ctx.store.groups(ctx.app.sdkAppId).filter((g) => type === undefined || g.Type === type);
  if (from > all.length) throw new EmuFailure(CODES.invalidParam, "invalid Next");
  // Doc variant: how many IDs one page holds whatever Limit asks (the docs imply Limit; demo data uses fewer).
  const page = all.slice(from, from + Math.min(limit, ctx.settings.groupListPageCap));
  const end = from + page.length;
  return ok({
    TotalCount: all.length,
    GroupIdList: page.map((g) => ({ GroupId: g.GroupId })),
    Next: end >= all.length ? 0 : encodeGroupCursor(end),
  });
};
