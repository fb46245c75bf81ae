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

// The budgets were 8,000 / 12,000 for the first eleven tools. Discovery (six tools, ~530 tokens each) and
// moderation (three reads, eight writes, ~500 each) raised them on purpose to 10,500 / 16,000; the average per
// tool, tightened from 700 to 600, is the bound that scales with the surface. Hosts that want less list a
// toolset (--toolsets moderation --enable-writes lists 12 tools for ~5,000 tokens).
// Held by test/meta/listing-budget.test.ts and printed by the bench.
export const LISTING_BUDGET = {
  "default (read tools)": 10_500,
  "all tools, writes enabled": 16_000,
  perTool: 600,
} as const;

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
