// The registry: every toolset with its tools, in the order tools/list shows them. A tool's toolset is the
// folder it lives in; the meta tools are listed whatever the selection.
import { ADMIN_TOOLS } from "./admin/index.js";
import { COMMUNITY_TOOLS } from "./community/index.js";
import type { ToolDefinition } from "./define.js";
import { GROUPS_TOOLS } from "./groups/index.js";
import { LIVE_TOOLS } from "./live/index.js";
import { MESSAGING_TOOLS } from "./messaging/index.js";
import { META_TOOLS } from "./meta/index.js";
import { MODERATION_TOOLS } from "./moderation/index.js";
import { RAW_TOOLS } from "./raw/index.js";
import { STATE_TOOLS } from "./state/index.js";
import { TOOLSET_INFO, type ToolsetName } from "./toolset-names.js";

export interface Toolset {
  name: ToolsetName;
  title: string;
  summary: string;
  default: boolean;
  tools: readonly ToolDefinition[];
}

const toolset = (name: ToolsetName, tools: readonly ToolDefinition[]): Toolset => ({
  name,
  ...TOOLSET_INFO[name],
  tools,
});

export const TOOLSETS: readonly Toolset[] = [
  toolset("groups", GROUPS_TOOLS),
  toolset("moderation", MODERATION_TOOLS),
  toolset("admin", ADMIN_TOOLS),
  toolset("messaging", MESSAGING_TOOLS),
  toolset("community", COMMUNITY_TOOLS),
  toolset("state", STATE_TOOLS),
  toolset("live", LIVE_TOOLS),
  toolset("raw", RAW_TOOLS),
];

export { META_TOOLS };

export const ALL_TOOLS: readonly ToolDefinition[] = [...TOOLSETS.flatMap((s) => s.tools), ...META_TOOLS];

/** The toolset a tool belongs to ("meta" for the tools listed whatever the selection). */
export function toolsetOf(toolName: string): ToolsetName | "meta" {
  return TOOLSETS.find((s) => s.tools.some((t) => t.name === toolName))?.name ?? "meta";
}
