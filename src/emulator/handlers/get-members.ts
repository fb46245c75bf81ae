// group_open_avchatroom_http_svc/get_members (https://www.tencentcloud.com/document/product/1047/50293): online members, latest first,
// paged by Timestamp/NextTimestamp, capped at the 1,000 latest, mark 600 hidden unless asked for.

import { CODES, EmuFailure, ok } from "../envelope.js";
import type { OnlineMember } from "../model.js";
import { RULES } from "../rules.js";
import { type Handler, optionalInt, requireGroup } from "./context.js";

export const getMembers: Handler = (ctx) => {
  const g = requireGroup(ctx);
  if (ctx.body.Timestamp === undefined)
    throw new EmuFailure(CODES.invalidParam, "Timestamp is required (0 on the first call)");
  const timestamp = optionalInt(ctx.body, "Timestamp", 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const mark = optionalInt(ctx.body, "Mark", 0, 0xffffffff);
  const hasMark = (m: OnlineMember, k: number) => g.marks.get(m.Member_Account)?.has(k) ?? false;

  // Only the latest `onlineListCap` online members exist for this API (1,000; 30 on lower editions).
  const latest = [...g.online].sort((a, b) => b.JoinTime - a.JoinTime).slice(0, ctx.settings.onlineListCap);
  const visible = latest.filter((m) => (mark !== undefined ? hasMark(m, mark) : !hasMark(m, RULES.marksHidden)));
  const from = timestamp === 0 ? visible : visible.filter((m) => m.JoinTime <= timestamp);
  const threshold = ctx.settings.onlinePageThreshold;
  // At or under the threshold everything comes back with NextTimestamp 0 (English page: 500; zh: 250).
  const page = from.length <= threshold ? from : from.slice(0, threshold);
  const rest = from.length - page.length;
  const nextTimestamp = rest > 0 ? from[page.length]!.JoinTime : 0;
  return ok({
    MemberList: page.map((m) => ({
      JoinTime: m.JoinTime,
      Member_Account: m.Member_Account,
      NickName: m.NickName,
      Avatar: m.Avatar,
    })),
    NextTimestamp: nextTimestamp,
  });
};
