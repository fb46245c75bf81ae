// tools/list size per selection of tools, in tokens (JSON characters ÷ 4): what each conversation pays
// before its first question. Baseline: the same listings measured on the commit before the token-budget
// rewrite (issue 13): 9,067 tokens for all 11 tools with writes enabled, 7,518 for the default listing. The
// ratio grows with the tools added since (17 more); the budgets are in scripts/tool-listing.ts.
import { LISTING_BUDGET, LISTINGS, listingTokens } from "../../scripts/tool-listing.js";
import type { Row } from "../run.js";

const BEFORE: Record<string, number> = {
  "default (read tools)": 7518,
  "raw toolset": 3431,
  "aggregate toolset": 4432,
  "all tools, writes enabled": 9067,
};

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [name, argv] of Object.entries(LISTINGS)) {
    const l = await listingTokens(argv);
    const budget = (LISTING_BUDGET as Record<string, number>)[name];
    rows.push({
      name: `tools/list, ${name}: ${l.tools} tools`,
      ours: l.tokens,
      baseline: BEFORE[name] ?? l.tokens,
      unit: "tokens",
      ratio: l.tokens / (BEFORE[name] ?? l.tokens),
      target: budget ? `<= ${budget} tokens` : "info",
      pass: budget ? l.tokens <= budget : true,
      note: `${l.chars} characters`,
    });
  }
  return rows;
}
