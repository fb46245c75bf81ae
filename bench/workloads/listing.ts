// tools/list size per selection of tools, in tokens (JSON characters ÷ 4): what each conversation pays
// before its first question. Baseline, measured in the same run: the same tools as the SDK itself would list
// them (zod's JSON Schema as is, annotation titles included), before the compact listing of issue 22. Before
// that issue the default listing held every read tool (18, 9,958 tokens) and --enable-writes every tool
// (28, 15,061 tokens). Budgets: scripts/tool-listing.ts.
import { z } from "zod";
import { LISTING_BUDGET, LISTINGS, listingTokens, perToolTokens } from "../../scripts/tool-listing.js";
import { loadConfig } from "../../src/config/load.js";
import type { ToolDefinition } from "../../src/tools/define.js";
import { ALL_TOOLS } from "../../src/tools/index.js";
import { selectTools } from "../../src/tools/select.js";
import type { Row } from "../run.js";

/** What McpServer's own tools/list handler would send for these tools. */
function sdkListingChars(tools: readonly ToolDefinition[]): number {
  const listed = tools.map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: z.toJSONSchema(t.inputSchema, { io: "input", target: "draft-7" }),
    outputSchema: z.toJSONSchema(t.outputSchema, { io: "output", target: "draft-7" }),
    annotations: t.annotations,
  }));
  return JSON.stringify(listed).length;
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [name, argv] of Object.entries(LISTINGS)) {
    const l = await listingTokens(argv);
    const { config } = loadConfig({ argv, env: {} });
    const baseline = Math.round(sdkListingChars(selectTools(ALL_TOOLS, config)) / 4);
    const budget = (LISTING_BUDGET as Record<string, number>)[name];
    rows.push({
      name: `tools/list, ${name}: ${l.tools} tools`,
      ours: l.tokens,
      baseline,
      unit: "tokens",
      ratio: l.tokens / baseline,
      target: budget ? `<= ${budget} tokens` : "info",
      pass: budget ? l.tokens <= budget : true,
      note: `${l.chars} characters; baseline = the SDK's own rendering of the same tools`,
    });
  }
  const dearest = perToolTokens()[0];
  if (dearest)
    rows.push({
      name: `tools/list, dearest tool (${dearest.name})`,
      ours: dearest.tokens,
      baseline: LISTING_BUDGET.perTool,
      unit: "tokens",
      ratio: dearest.tokens / LISTING_BUDGET.perTool,
      target: `<= ${LISTING_BUDGET.perTool} tokens`,
      pass: dearest.tokens <= LISTING_BUDGET.perTool,
      note: "baseline = the per-tool budget",
    });
  return rows;
}
