// Live groups (AVChatRoom): they keep no member list, only who is online; marks tag online members; their
// admins have a list of their own.
import type { ToolDefinition } from "../define.js";
import getLiveAdmins from "./get-live-admins.js";
import getOnlineMemberNum from "./get-online-member-num.js";
import getOnlineMembers from "./get-online-members.js";
import setLiveAdmins from "./set-live-admins.js";
import setMemberMarks from "./set-member-marks.js";
import setMemberMarksBulk from "./set-member-marks-bulk.js";
import summarizeOnlineMembers from "./summarize-online-members.js";

export const LIVE_TOOLS: readonly ToolDefinition[] = [
  summarizeOnlineMembers,
  getOnlineMembers,
  getOnlineMemberNum,
  setMemberMarks,
  setMemberMarksBulk,
  getLiveAdmins,
  setLiveAdmins,
] as unknown as readonly ToolDefinition[];
