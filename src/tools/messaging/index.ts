// Messaging: post a message or a system notice to a group.
import type { ToolDefinition } from "../define.js";
import sendGroupMessage from "./send-group-message.js";
import sendGroupNotice from "./send-group-notice.js";

export const MESSAGING_TOOLS: readonly ToolDefinition[] = [
  sendGroupMessage,
  sendGroupNotice,
] as unknown as readonly ToolDefinition[];
