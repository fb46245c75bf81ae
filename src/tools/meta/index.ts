// Tools listed whatever the selection: they call no group API and help with every other tool.
import type { ToolDefinition } from "../define.js";
import explainChatError from "./explain-chat-error.js";

export const META_TOOLS: readonly ToolDefinition[] = [explainChatError] as unknown as readonly ToolDefinition[];
