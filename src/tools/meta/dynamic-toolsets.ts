// list_toolsets / enable_toolsets (--dynamic-toolsets): the agent starts with a small listing and enables a
// toolset when a task needs it; the server then sends notifications/tools/list_changed. The GitHub MCP
// server's pattern.
import { z } from "zod";
import { ConfigurationError } from "../../chat/errors.js";
import { defineTool, type ToolDefinition } from "../define.js";
import { TOOLSET_NAMES, type ToolsetName } from "../toolset-names.js";

export interface ToolsetStatus {
  name: ToolsetName;
  title: string;
  summary: string;
  enabled: boolean;
  /** The toolset's tools this server can list (write tools only with writes enabled). */
  tools: string[];
}

/** What the server lets these two tools do to its listing. */
export interface ToolsetControl {
  status(): ToolsetStatus[];
  /** Enables the toolsets' tools and tells the client the listing changed; returns the tools added. */
  enable(names: readonly ToolsetName[]): string[];
  /** False over stateless HTTP: every request gets a fresh server, so an enabled toolset would not last. */
  remembers: boolean;
}

const annotations = (title: string) => ({
  title,
  // Changes only which tools this server lists, never data in Tencent's service.
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
});

const StatusOut = z.object({
  name: z.string(),
  enabled: z.boolean(),
  summary: z.string(),
  tools: z.array(z.string()),
});

export function dynamicToolsetTools(control: ToolsetControl): ToolDefinition[] {
  const listToolsets = defineTool({
    name: "list_toolsets",
    title: "List toolsets",
    description:
      "The toolsets this server offers, which are enabled, and their tools. Use before enable_toolsets when no listed tool fits the task.",
    inputSchema: z.object({}).strict(),
    outputSchema: z.object({ toolsets: z.array(StatusOut) }),
    annotations: annotations("List toolsets"),
    async handler() {
      const toolsets = control.status().map(({ name, enabled, summary, tools }) => ({ name, enabled, summary, tools }));
      const lines = toolsets.map(
        (s) =>
          `${s.name} (${s.enabled ? "enabled" : "not enabled"}): ${s.summary}. Tools: ${s.tools.join(", ") || "none this server can list (they change data: --enable-writes)"}.`,
      );
      const off = toolsets.filter((s) => !s.enabled && s.tools.length > 0).map((s) => s.name);
      if (off.length)
        lines.push(
          control.remembers
            ? `To list more tools, call enable_toolsets with ${JSON.stringify({ toolsets: off })} (or a part of it).`
            : `This server runs over stateless HTTP and cannot enable toolsets during a conversation: restart it with --toolsets ${off.join(",")} (or --toolsets all).`,
        );
      return { data: { toolsets }, text: lines.join("\n") };
    },
  });

  const enableToolsets = defineTool({
    name: "enable_toolsets",
    title: "Enable toolsets",
    description:
      "Lists the tools of more toolsets (names from list_toolsets) for the rest of this conversation; the client is told the tool list changed.",
    inputSchema: z
      .object({ toolsets: z.array(z.enum(TOOLSET_NAMES as [ToolsetName, ...ToolsetName[]])).min(1) })
      .strict(),
    outputSchema: z.object({ enabled: z.array(z.string()), tools_added: z.array(z.string()) }),
    annotations: annotations("Enable toolsets"),
    async handler(args) {
      // Over stateless HTTP every request gets a fresh server: a toolset enabled now would be gone next time.
      if (!control.remembers)
        throw new ConfigurationError(
          `this server runs over stateless HTTP and cannot enable toolsets during a conversation. Restart it with --toolsets default,${[...new Set(args.toolsets)].join(",")} (TENCENT_CHAT_TOOLSETS) to list these tools.`,
        );
      const added = control.enable(args.toolsets);
      const byName = new Map(control.status().map((s) => [s.name, s]));
      const lines = args.toolsets.map((n) => {
        const s = byName.get(n);
        return `${n}: ${s?.tools.join(", ") || "no tools this server can list (write tools need --enable-writes)"}`;
      });
      return {
        data: { enabled: [...new Set(args.toolsets)], tools_added: added },
        text: `${added.length ? `Added ${added.length} tools; they can be called now.` : "Nothing to add: these toolsets were enabled already."}\n${lines.join("\n")}`,
      };
    },
  });

  return [listToolsets, enableToolsets] as unknown as ToolDefinition[];
}
