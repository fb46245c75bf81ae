// Administration: change members (role, name card, mute, custom data); more of the group family as it lands.
import type { ToolDefinition } from "../define.js";
import updateMember from "./update-member.js";

export const ADMIN_TOOLS: readonly ToolDefinition[] = [updateMember] as unknown as readonly ToolDefinition[];
