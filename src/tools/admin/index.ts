// Administration: change members (role, name card, mute, custom data), hand over, add members, edit, create
// and dismiss groups.
import type { ToolDefinition } from "../define.js";
import addMembers from "./add-members.js";
import createGroup from "./create-group.js";
import dismissGroup from "./dismiss-group.js";
import transferOwnership from "./transfer-ownership.js";
import updateGroupProfile from "./update-group-profile.js";
import updateMember from "./update-member.js";

export const ADMIN_TOOLS: readonly ToolDefinition[] = [
  updateMember,
  addMembers,
  transferOwnership,
  updateGroupProfile,
  createGroup,
  dismissGroup,
] as unknown as readonly ToolDefinition[];
