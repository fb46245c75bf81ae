// A real MCP client connected to this same bin over stdio: what the call command and the demo tour use,
// so they exercise exactly what an MCP host runs.
import { realpathSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

/** This very bin: the call and demo-tour commands run inside it (argv[1] is the script node started). */
export const BIN_PATH = realpathSync(process.argv[1] ?? "dist/index.js");

export async function connectToSelf(serverArgs: string[], env: NodeJS.ProcessEnv = process.env): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN_PATH, ...serverArgs],
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
    stderr: "pipe",
  });
  const client = new Client({ name: "tencent-chat-group-mcp-cli", version: "1" });
  await client.connect(transport);
  return client;
}
