// group_open_http_svc/get_joined_group_list (https://trtc.io/document/34925): the groups one account belongs to.
// Live groups (AVChatRoom) only with WithHugeGroups=1; without a ResponseFilter only GroupIds come back.
import { CODES, EmuFailure, ok } from "../envelope.js";
import { isEmuGroupType } from "../model.js";
import { type Handler, optionalInt, optionalStringArray } from "./context.js";
import { baseInfo } from "./get-group-info.js";

export const getJoinedGroupList: Handler = (ctx) => {
  const account = ctx.body.Member_Account;
  if (typeof account !== "string" || account === "")
    throw new EmuFailure(CODES.invalidParam, "Member_Account is required");
  const type = ctx.body.GroupType;
  if (type !== undefined && !isEmuGroupType(type)) throw new EmuFailure(CODES.invalidParam, "invalid GroupType");
  const withLive = optionalInt(ctx.body, "WithHugeGroups", 0, 1) === 1;
  optionalInt(ctx.body, "WithNoActiveGroups", 0, 1);
  const limit = optionalInt(ctx.body, "Limit", 1, 2 ** 31 - 1);
  const offset = optionalInt(ctx.body, "Offset", 0, 2 ** 31 - 1) ?? 0;
  const filter = (ctx.body.ResponseFilter ?? {}) as Record<string, unknown>;
  const baseFields = optionalStringArray(filter, "GroupBaseInfoFilter");
  const selfFields = optionalStringArray(filter, "SelfInfoFilter");

  const joined = ctx.store
    .membershipsOf(ctx.app.sdkAppId, account)
    .filter((m) => (withLive || m.group.Type !== "AVChatRoom") && (type === undefined || m.group.Type === type));
  const page = joined.slice(offset, limit === undefined ? undefined : offset + limit);
  return ok({
    TotalCount: joined.length,
    GroupIdList: page.map((m) => {
      const item: Record<string, unknown> = { GroupId: m.group.GroupId };
      if (baseFields) {
        const base = baseInfo(m.group, ctx);
        for (const f of baseFields) if (base[f] !== undefined) item[f] = base[f];
      }
      if (selfFields) {
        const self: Record<string, unknown> = {
          Role: m.role,
          JoinTime: m.joinTime,
          MsgFlag: m.msgFlag,
          UnreadMsgNum: 0,
        };
        item.SelfInfo = Object.fromEntries(Object.entries(self).filter(([k]) => selfFields.includes(k)));
      }
      return item;
    }),
  });
};
