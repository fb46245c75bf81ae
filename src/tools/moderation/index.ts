// Moderation: read the history, who is muted or banned; mute, remove, ban, recall, delete, mute all.
// Writes are listed only with --enable-writes, previewed by dry_run, confirmed by token above a threshold
// and audited.
import type { ToolDefinition } from "../define.js";
import banMembers from "./ban-members.js";
import deleteMemberMessages from "./delete-member-messages.js";
import getAccountMute from "./get-account-mute.js";
import getBannedMembers from "./get-banned-members.js";
import getGroupMessages from "./get-group-messages.js";
import getMutedMembers from "./get-muted-members.js";
import muteMembers from "./mute-members.js";
import recallMessages from "./recall-messages.js";
import removeMembers from "./remove-members.js";
import setAccountMute from "./set-account-mute.js";
import setMuteAll from "./set-mute-all.js";
import unbanMembers from "./unban-members.js";
import unmuteMembers from "./unmute-members.js";

export const MODERATION_TOOLS: readonly ToolDefinition[] = [
  getGroupMessages,
  getMutedMembers,
  getBannedMembers,
  getAccountMute,
  muteMembers,
  unmuteMembers,
  removeMembers,
  banMembers,
  unbanMembers,
  recallMessages,
  deleteMemberMessages,
  setMuteAll,
  setAccountMute,
] as unknown as readonly ToolDefinition[];
