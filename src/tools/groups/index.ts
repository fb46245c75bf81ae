// Groups and membership: find groups, read profiles, summarize and search members, check memberships.
import type { ToolDefinition } from "../define.js";
import checkMembers from "./check-members.js";
import findGroupMembers from "./find-group-members.js";
import getGroupInfo from "./get-group-info.js";
import getGroupsOverview from "./get-groups-overview.js";
import getMemberProfiles from "./get-member-profiles.js";
import getUserGroups from "./get-user-groups.js";
import listGroups from "./list-groups.js";
import summarizeGroupMembers from "./summarize-group-members.js";

export const GROUPS_TOOLS: readonly ToolDefinition[] = [
  listGroups,
  getGroupsOverview,
  getGroupInfo,
  getUserGroups,
  summarizeGroupMembers,
  findGroupMembers,
  getMemberProfiles,
  checkMembers,
] as unknown as readonly ToolDefinition[];
