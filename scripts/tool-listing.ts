// What tools/list costs an agent: the JSON of the listing a real MCP client receives, in tokens
// (characters ÷ 4, the usual estimate), per selection of tools.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { unconfiguredCaller } from "../src/chat/api.js";
import { loadConfig } from "../src/config/load.js";
import { createLogger } from "../src/core/logger.js";
import { listedTool } from "../src/mcp/listing.js";
import { buildServer } from "../src/mcp/server.js";
import { isWriteTool } from "../src/tools/define.js";
import { ALL_TOOLS, TOOLSETS } from "../src/tools/index.js";
import { selectTools } from "../src/tools/select.js";

/** The listings the README prints and the bench measures, by the flags that select them. */
export const LISTINGS: Record<string, string[]> = {
  default: [],
  "default, writes enabled": ["--enable-writes"],
  "default, dynamic toolsets": ["--dynamic-toolsets"],
  ...Object.fromEntries(
    TOOLSETS.map((s) => [
      `${s.name} toolset${s.tools.some(isWriteTool) ? ", writes enabled" : ""}`,
      ["--toolsets", s.name, ...(s.tools.some(isWriteTool) ? ["--enable-writes"] : [])],
    ]),
  ),
  "all toolsets, writes enabled": ["--toolsets", "all", "--enable-writes"],
};

// The budgets of the agent-surface issue (#22), set for the whole Chat group API family (about 50 tools):
// the default listing serves the three kinds of users first; every other tool is one flag away.
// Held by test/meta/listing-budget.test.ts and printed by the bench.
export const LISTING_BUDGET = {
  default: 7_000,
  "default, writes enabled": 10_000,
  "all toolsets, writes enabled": 22_000,
  perTool: 700,
} as const;

export type ListingCost = { tools: number; chars: number; tokens: number };

const tokensOf = (chars: number) => Math.round(chars / 4);

/** The cost of every listing in LISTINGS, in their order. */
export async function allListingCosts(): Promise<[string, ListingCost][]> {
  const out: [string, ListingCost][] = [];
  for (const [name, argv] of Object.entries(LISTINGS)) out.push([name, await listingTokens(argv)]);
  return out;
}

/** Each tool's own share of a listing, dearest first. */
export function perToolTokens(): { name: string; tokens: number }[] {
  return ALL_TOOLS.map((t) => ({ name: t.name, tokens: tokensOf(JSON.stringify(listedTool(t)).length) })).sort(
    (a, b) => b.tokens - a.tokens,
  );
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
  return { tools: tools.length, chars, tokens: tokensOf(chars) };
}
