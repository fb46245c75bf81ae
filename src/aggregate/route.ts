// Which paging mode a group needs: Community is known from its ID; other types cost one
// get_group_info call that also returns the member count.
import type { CallOptions } from "../chat/api.js";
import { ChatApiError, ChatInputError, ChatNetworkError } from "../chat/errors.js";
import { type GroupType, isCommunityGroupId, isGroupType } from "../chat/group-types.js";
import { type ChatGroups, firstMemberCursor } from "../chat/groups.js";
import type { Position } from "./paginate.js";

export interface GroupRoute {
  type: GroupType;
  memberNum?: number;
}

export async function routeGroup(chat: ChatGroups, groupId: string, opts: CallOptions): Promise<GroupRoute> {
  if (isCommunityGroupId(groupId)) return { type: "Community" };
  const res = await chat.profiles([groupId], { baseFields: ["Type", "MemberNum"] }, opts);
  const err = res.errors[0];
  if (err) throw new ChatApiError("get_group_info", err.ErrorCode, err.ErrorInfo, "");
  const g = res.groups[0];
  const type = String(g?.Type ?? "");
  if (!isGroupType(type)) throw new ChatApiError("get_group_info", 10004, `unknown group type "${type}"`, "");
  return { type, memberNum: g?.MemberNum };
}

export interface MemberListRoute {
  type: string;
  community: boolean;
  /** Where a fresh scan starts: Offset 0, or the empty Next cursor for Community. */
  start: Position;
  memberNum?: number;
}

/**
 * The group of a member-list aggregate: its type (from a resume cursor, or one get_group_info call),
 * its paging mode, and a clear refusal for AVChatRoom, which has no member list.
 */
export async function routeMemberList(
  chat: ChatGroups,
  groupId: string,
  resumedType: string | undefined,
  opts: CallOptions,
): Promise<MemberListRoute> {
  let route: GroupRoute | { type: string; memberNum: undefined };
  try {
    route = resumedType ? { type: resumedType, memberNum: undefined } : await routeGroup(chat, groupId, opts);
  } catch (err) {
    // The call's whole time budget went on this first request: say so, not "internal error".
    if (opts.signal?.aborted && !(err instanceof ChatApiError))
      throw new ChatNetworkError(
        "get_group_info",
        "the time budget ran out before the group's type was known",
        "",
        true,
      );
    throw err;
  }
  if (route.type === "AVChatRoom")
    throw new ChatInputError(
      "group_id",
      `${groupId} is an AVChatRoom (live group): it has no member list, only an online list`,
      undefined,
      "Use summarize_online_members for its online members (or get_online_members for one page).",
    );
  const community = isCommunityGroupId(groupId) || route.type === "Community";
  return {
    type: route.type,
    community,
    memberNum: route.memberNum,
    start: community ? { kind: "next", next: "" } : firstMemberCursor(groupId),
  };
}
