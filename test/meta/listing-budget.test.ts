// Every conversation pays for tools/list before its first question: hold it to a token budget
// (characters ÷ 4) so new tools cannot quietly make every conversation dearer. A size check, not a timing.
import { describe, expect, it } from "vitest";
import { listingTokens } from "../../scripts/tool-listing.js";

// The budgets were 8,000 / 12,000 for the first eleven tools. Discovery (six tools, ~530 tokens each) and
// moderation (three reads, eight writes, ~500 each) raised them on purpose to 10,500 / 16,000; the average per
// tool, tightened from 700 to 600, is the bound that scales with the surface. Hosts that want less list a
// toolset (--toolsets moderation --enable-writes lists 12 tools for ~5,000 tokens).
const BUDGET = { defaultListing: 10_500, withWrites: 16_000, perTool: 600 };

describe("tools/list token budget", () => {
  it(`the default listing (read tools) stays within ${BUDGET.defaultListing} tokens`, async () => {
    const l = await listingTokens([]);
    expect(l.tools).toBeGreaterThanOrEqual(9);
    expect(l.tokens).toBeLessThanOrEqual(BUDGET.defaultListing);
  });

  it(`every tool with writes enabled stays within ${BUDGET.withWrites} tokens`, async () => {
    const l = await listingTokens(["--enable-writes"]);
    expect(l.tokens).toBeLessThanOrEqual(BUDGET.withWrites);
  });

  it(`tools cost ${BUDGET.perTool} tokens each on average at most, so the tools still to come fit the budget`, async () => {
    // A tool that needs more is describing what its schema already says.
    const all = await listingTokens(["--enable-writes"]);
    expect(all.tokens / all.tools).toBeLessThanOrEqual(BUDGET.perTool);
  });
});
