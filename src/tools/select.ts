// Which tools a server lists: toolsets (or an explicit --tools list) and write gating (write tools only
// with --enable-writes; --read-only always wins). The meta tools are listed whatever the selection.
import { ConfigurationError } from "../chat/errors.js";
import type { Config } from "../config/load.js";
import { isWriteTool, type ToolDefinition } from "./define.js";
import { META_TOOLS, TOOLSETS, type Toolset } from "./index.js";
import { DEFAULT_TOOLSETS, type ToolsetName } from "./toolset-names.js";

/** The toolset names a --toolsets value stands for ("default" and "all" expanded). */
export function selectedToolsets(config: Pick<Config, "toolsets">): Set<ToolsetName> {
  const out = new Set<ToolsetName>();
  for (const choice of config.toolsets) {
    if (choice === "all") for (const s of TOOLSETS) out.add(s.name);
    else if (choice === "default") for (const n of DEFAULT_TOOLSETS) out.add(n);
    else out.add(choice);
  }
  return out;
}

export function writesAllowed(config: Pick<Config, "enableWrites" | "readOnly">): boolean {
  return config.enableWrites && !config.readOnly;
}

/** Every tool this server may ever list (dynamic toolsets enable more of them): write gating only. */
export function availableTools(all: readonly ToolDefinition[], config: Config): ToolDefinition[] {
  return all.filter((t) => !isWriteTool(t) || writesAllowed(config));
}

/** The tools listed at start. */
export function selectTools(all: readonly ToolDefinition[], config: Config): ToolDefinition[] {
  const names = new Set(all.map((t) => t.name));
  if (config.tools) {
    const unknown = config.tools.filter((n) => !names.has(n));
    if (unknown.length > 0)
      throw new ConfigurationError(
        `TENCENT_CHAT_TOOLS (--tools): unknown tool ${unknown.join(", ")}. Valid tools: ${[...names].join(", ")}.`,
      );
  }
  const sets = selectedToolsets(config);
  const inSelectedSet = (t: ToolDefinition) =>
    META_TOOLS.includes(t) || TOOLSETS.some((s: Toolset) => sets.has(s.name) && s.tools.includes(t));
  return availableTools(all, config).filter((t) => (config.tools ? config.tools.includes(t.name) : inSelectedSet(t)));
}
