// What tools/list costs an agent: the JSON of the listing a real MCP client receives, in tokens
// (characters ÷ 4, the usual estimate), per selection of tools.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { unconfiguredCaller } from "../src/chat/api.js";
import { loadConfig } from "../src/config/load.js";
import { createLogger } from "../src/core/logger.js";
import { buildServer } from "../src/mcp/server.js";
import { ALL_TOOLS } from "../src/tools/index.js";
import { selectTools } from "../src/tools/select.js";

export const LISTINGS: Record<string, string[]> = {
  "default (read tools)": [],
  "raw toolset": ["--toolsets", "raw"],
  "aggregate toolset": ["--toolsets", "aggregate"],
  "moderation toolset, writes enabled": ["--toolsets", "moderation", "--enable-writes"],
  "all tools, writes enabled": ["--enable-writes"],
};

export type ListingCost = { tools: number; chars: number; tokens: number };

/** The cost of every listing in LISTINGS, in their order. */
export async function allListingCosts(): Promise<[string, ListingCost][]> {
  const out: [string, ListingCost][] = [];
  for (const [name, argv] of Object.entries(LISTINGS)) out.push([name, await listingTokens(argv)]);
  return out;
}

export async function listingTokens(argv: string[]): Promise<ListingCost> {
  const { config } = loadConfig({ argv, env: {} });
  const logger = createLogger("error", () => undefined);
  const server = buildServer({
    chat: unconfiguredCaller("listing only"),
    config,
    tools: selectTools(ALL_TOOLS, config),
    logger,
    version: "size",
  });
  const client = new Client({ name: "listing", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([client.connect(a), server.connect(b)]);
  const { tools } = await client.listTools();
  await client.close();
  await server.close();
  const chars = JSON.stringify(tools).length;
  return { tools: tools.length, chars, tokens: Math.round(chars / 4) };
}
