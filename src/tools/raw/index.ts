// One request per call: a page of members, of the app's group IDs, of a user's groups; roles of listed
// accounts. The aggregate tools page these for you; these are for callers that want the page itself.
import type { ToolDefinition } from "../define.js";
import getGroupMemberInfo from "./get-group-member-info.js";
import getJoinedGroups from "./get-joined-groups.js";
import getMemberRoles from "./get-member-roles.js";
import listGroupIds from "./list-group-ids.js";

export const RAW_TOOLS: readonly ToolDefinition[] = [
  getGroupMemberInfo,
  listGroupIds,
  getJoinedGroups,
  getMemberRoles,
] as unknown as readonly ToolDefinition[];
