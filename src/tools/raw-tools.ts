// The one-tool-per-API set (toolset "raw") plus explain_chat_error (toolset "meta").
import type { ToolDefinition } from "./define.js";

export const RAW_TOOLS: readonly ToolDefinition[] = [];
