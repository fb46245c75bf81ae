// group_open_http_svc/get_group_info (https://www.tencentcloud.com/document/product/1047/34961): per-group ErrorCode, top level OK.

import { CODES, EmuFailure, ok } from "../envelope.js";
import type { EmuGroup } from "../model.js";
import { RULES } from "../rules.js";
import { type Handler, type HandlerContext, isWellFormedGroupId, optionalStringArray, SizeBudget } from "./context.js";
import { projectMember } from "./member-fields.js";

interface Filters {
  base?: Set<string>;
  member?: Set<string>;
  groupCustom?: Set<string>;
  memberCustom?: Set<string>;
  any: boolean;
}

function readFilters(body: Record<string, unknown>): Filters {
  const rf = body.ResponseFilter;
  if (rf === undefined) return { any: false };
  if (typeof rf !== "object" || rf === null || Array.isArray(rf))
    throw new EmuFailure(CODES.invalidParam, "ResponseFilter must be an object");
  const r = rf as Record<string, unknown>;
  const set = (k: string) => {
    const v = optionalStringArray(r, k);
    return v ? new Set(v) : undefined;
  };
  return {
    base: set("GroupBaseInfoFilter"),
    member: set("MemberInfoFilter"),
    groupCustom: set("AppDefinedDataFilter_Group"),
    memberCustom: set("AppDefinedDataFilter_GroupMember"),
    any: true,
  };
}

export function baseInfo(g: EmuGroup, ctx: HandlerContext): Record<string, unknown> {
  // AVChatRoom has no membership. The zh page says its member count is not supported (left out, the
  // default); the English pages return one, taken here as the online count (switch liveMemberNum).
  const live = g.Type === "AVChatRoom";
  const memberNum = live ? (ctx.settings.liveMemberNum ? g.online.length : undefined) : g.members.count();
  return {
    Type: g.Type,
    Name: g.Name,
    Introduction: g.Introduction,
    Notification: g.Notification,
    FaceUrl: g.FaceUrl,
    Owner_Account: g.Owner_Account,
    CreateTime: g.CreateTime,
    LastInfoTime: g.LastInfoTime,
    LastMsgTime: g.LastMsgTime,
    NextMsgSeq: g.NextMsgSeq,
    ...(memberNum !== undefined ? { MemberNum: memberNum } : {}),
    MaxMemberNum: g.MaxMemberNum,
    ApplyJoinOption: g.ApplyJoinOption,
    MuteAllMember: g.MuteAllMember,
    Appid: ctx.app.sdkAppId,
  };
}

export const getGroupInfo: Handler = (ctx) => {
  const ids = ctx.body.GroupIdList;
  if (!Array.isArray(ids) || ids.length === 0) throw new EmuFailure(CODES.invalidParam, "GroupIdList is required");
  if (ids.length > RULES.groupInfoMaxGroups)
    throw new EmuFailure(CODES.invalidParam, `GroupIdList has more than ${RULES.groupInfoMaxGroups} groups`);
  const f = readFilters(ctx.body);
  const budget = new SizeBudget();
  const out: Record<string, unknown>[] = [];
  for (const id of ids) {
    if (!isWellFormedGroupId(id, ctx.settings.spacesInGroupIds)) {
      out.push({
        GroupId: typeof id === "string" ? id : String(id),
        ErrorCode: CODES.invalidGroupId,
        ErrorInfo: "invalid GroupId",
      });
      continue;
    }
    const g = ctx.store.group(ctx.app.sdkAppId, id);
    if (!g || g.dismissed) {
      out.push({
        GroupId: id,
        ErrorCode: CODES.groupNotFound,
        ErrorInfo: "the group does not exist or has been dismissed",
      });
      continue;
    }
    const item: Record<string, unknown> = { GroupId: id, ErrorCode: 0, ErrorInfo: "" };
    const base = baseInfo(g, ctx);
    // With a ResponseFilter only the named base fields come back.
    for (const [k, v] of Object.entries(base)) if (!f.any || f.base?.has(k)) item[k] = v;
    const groupCustom = f.any ? g.AppDefinedData.filter((kv) => f.groupCustom?.has(kv.Key)) : g.AppDefinedData;
    if (groupCustom.length > 0) item.AppDefinedData = groupCustom;
    // Full member lists unless filtered (which risks 10018 for big groups); AVChatRoom has none.
    const wantMembers = !f.any || f.member !== undefined || f.memberCustom !== undefined;
    if (wantMembers && g.Type !== "AVChatRoom") {
      // The zh example names the account field "Account" in MemberInfoFilter.
      const fields = f.member ? new Set([...f.member].map((x) => (x === "Account" ? "Member_Account" : x))) : undefined;
      const muteField = ctx.settings.muteField;
      const projection = f.any
        ? { fields: fields ?? new Set<string>(), customKeys: f.memberCustom, muteField }
        : { allCustom: true, muteField };
      const members: Record<string, unknown>[] = [];
      for (let i = 0; i < g.members.count(); i++) {
        const m = projectMember(g.members.at(i), projection);
        budget.add(m);
        members.push(m);
      }
      item.MemberList = members;
    }
    budget.add(item.AppDefinedData ?? "");
    out.push(item);
  }
  return ok({ GroupInfo: out });
};
