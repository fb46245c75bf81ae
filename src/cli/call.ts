// `tencent-chat-group-mcp call <tool> --args '<json>' [--json]`: run one tool through a real MCP client
// against the configured backend (or --demo). Exit 0 on success, 1 on an isError result, 2 on usage errors.
import type { Config } from "../config/load.js";

export interface CallInput {
  config: Config;
  argv: string[];
  positionals: string[];
  extra: Record<string, string | boolean | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The server flags of the call, without the tool name and the call's own options. */
function serverArgs(argv: string[], tool: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === tool) continue;
    if (a === "--json" || a.startsWith("--args=")) continue;
    if (a === "--args") {
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

export async function runCallCommand(input: CallInput): Promise<number> {
  const tool = input.positionals[0];
  if (!tool) {
    input.err("usage: tencent-chat-group-mcp call <tool> --args '<json>' [--json] [server options such as --demo]");
    return 2;
  }
  let args: Record<string, unknown> = {};
  if (typeof input.extra.args === "string") {
    try {
      args = JSON.parse(input.extra.args) as Record<string, unknown>;
    } catch {
      input.err(`--args is not valid JSON: ${input.extra.args}`);
      return 2;
    }
  }
  const { connectToSelf } = await import("./spawn-client.js");
  const client = await connectToSelf(serverArgs(input.argv, tool));
  try {
    const { tools } = await client.listTools();
    if (!tools.some((t) => t.name === tool)) {
      input.err(`unknown tool "${tool}". Tools this server lists: ${tools.map((t) => t.name).join(", ")}`);
      return 2;
    }
    const result = await client.callTool({ name: tool, arguments: args });
    if (input.extra.json === true && result.structuredContent)
      input.out(JSON.stringify(result.structuredContent, null, 2));
    else
      for (const c of (result.content ?? []) as { type: string; text?: string }[])
        if (c.type === "text" && c.text) input.out(c.text);
    return result.isError ? 1 : 0;
  } finally {
    await client.close();
  }
}
