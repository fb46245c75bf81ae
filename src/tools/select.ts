// Which tools a server lists: toolsets, an explicit --tools list, and write gating
// (write tools only with --enable-writes; --read-only always wins).
import { ConfigurationError } from "../chat/errors.js";
import type { Config } from "../config/load.js";
import { isWriteTool, type ToolDefinition } from "./define.js";

export function selectTools(all: readonly ToolDefinition[], config: Config): ToolDefinition[] {
  const names = new Set(all.map((t) => t.name));
  if (config.tools) {
    const unknown = config.tools.filter((n) => !names.has(n));
    if (unknown.length > 0)
      throw new ConfigurationError(
        `TENCENT_CHAT_TOOLS (--tools): unknown tool ${unknown.join(", ")}. Valid tools: ${[...names].join(", ")}.`,
      );
  }
  const sets = new Set(config.toolsets);
  const writesAllowed = config.enableWrites && !config.readOnly;
  return all.filter((t) => {
    if (isWriteTool(t) && !writesAllowed) return false;
    if (config.tools) return config.tools.includes(t.name);
    return sets.has("all") || t.toolset === "meta" || sets.has(t.toolset);
  });
}
