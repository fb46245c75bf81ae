// A real MCP client connected to this same bin over stdio: what the call command and the demo tour use,
// so they exercise exactly what an MCP host runs.
import { realpathSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

/** This very bin: the call and demo-tour commands run inside it (argv[1] is the script node started). */
export const BIN_PATH = realpathSync(process.argv[1] ?? "dist/index.js");

const TAIL_CHARS = 8000;

export interface SelfConnection {
  client: Client;
  /** The last lines the server wrote to stderr. */
  stderrTail(): string;
}

/**
 * Starts this bin as an MCP server over stdio and connects to it. Its stderr is always drained (a full
 * pipe would block the server): passed line by line to `onLog` when given, and kept as a short tail.
 */
export async function connectToSelf(
  serverArgs: string[],
  env: NodeJS.ProcessEnv = process.env,
  onLog?: (line: string) => void,
): Promise<SelfConnection> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN_PATH, ...serverArgs],
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
    stderr: "pipe",
  });
  let tail = "";
  transport.stderr?.on("data", (d: Buffer) => {
    const text = d.toString();
    tail = (tail + text).slice(-TAIL_CHARS);
    if (onLog) for (const line of text.split("\n")) if (line) onLog(line);
  });
  const client = new Client({ name: "tencent-chat-group-mcp-cli", version: "1" });
  await client.connect(transport);
  return { client, stderrTail: () => tail.trim() };
}
