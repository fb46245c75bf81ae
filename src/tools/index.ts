// The registry: every tool, in the order tools/list shows them.
import { AGGREGATE_TOOLS } from "./aggregate-tools.js";
import type { ToolDefinition } from "./define.js";
import { MODERATION_TOOLS } from "./moderation-tools.js";
import { RAW_TOOLS } from "./raw-tools.js";

export const ALL_TOOLS: readonly ToolDefinition[] = [...RAW_TOOLS, ...AGGREGATE_TOOLS, ...MODERATION_TOOLS];
