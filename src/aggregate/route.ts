// Which paging mode a group needs: Community is known from its ID; other types cost one
// get_group_info call that also returns the member count.
import type { ChatGroupApi } from "../chat/api.js";
import { ChatApiError } from "../chat/errors.js";
import { type GroupType, isCommunityGroupId, isGroupType } from "../chat/group-types.js";

export interface GroupRoute {
  type: GroupType;
  memberNum?: number;
}

export async function routeGroup(chat: ChatGroupApi, groupId: string, signal: AbortSignal): Promise<GroupRoute> {
  if (isCommunityGroupId(groupId)) return { type: "Community" };
  const res = await chat.getGroupInfo(
    { GroupIdList: [groupId], ResponseFilter: { GroupBaseInfoFilter: ["Type", "MemberNum"] } },
    { signal },
  );
  const err = res.errors[0];
  if (err) throw new ChatApiError("get_group_info", err.ErrorCode, err.ErrorInfo, "");
  const g = res.groups[0];
  const type = String(g?.Type ?? "");
  if (!isGroupType(type)) throw new ChatApiError("get_group_info", 10004, `unknown group type "${type}"`, "");
  return { type, memberNum: g?.MemberNum };
}
