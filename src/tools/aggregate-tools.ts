// Tools that page on the server side and return summaries (toolset "aggregate").

import checkMembers from "./check-members.js";
import type { ToolDefinition } from "./define.js";
import findGroupMembers from "./find-group-members.js";
import getGroupsOverview from "./get-groups-overview.js";
import getUserGroups from "./get-user-groups.js";
import listGroups from "./list-groups.js";
import setMemberMarksBulk from "./set-member-marks-bulk.js";
import summarizeGroupMembers from "./summarize-group-members.js";
import summarizeOnlineMembers from "./summarize-online-members.js";

export const AGGREGATE_TOOLS: readonly ToolDefinition[] = [
  summarizeGroupMembers,
  findGroupMembers,
  summarizeOnlineMembers,
  getGroupsOverview,
  listGroups,
  getUserGroups,
  checkMembers,
  setMemberMarksBulk,
] as unknown as readonly ToolDefinition[];
