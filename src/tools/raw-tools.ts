// The one-tool-per-API set (toolset "raw") plus explain_chat_error (toolset "meta").
import type { ToolDefinition } from "./define.js";
import explainChatError from "./explain-chat-error.js";
import getGroupInfo from "./get-group-info.js";
import getGroupMemberInfo from "./get-group-member-info.js";
import getJoinedGroups from "./get-joined-groups.js";
import getMemberRoles from "./get-member-roles.js";
import getOnlineMemberNum from "./get-online-member-num.js";
import getOnlineMembers from "./get-online-members.js";
import listGroupIds from "./list-group-ids.js";
import setMemberMarks from "./set-member-marks.js";

export const RAW_TOOLS: readonly ToolDefinition[] = [
  getGroupInfo,
  getGroupMemberInfo,
  getOnlineMembers,
  getOnlineMemberNum,
  listGroupIds,
  getJoinedGroups,
  getMemberRoles,
  setMemberMarks,
  explainChatError,
] as unknown as readonly ToolDefinition[];
