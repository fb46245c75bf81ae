// Every conversation pays for tools/list before its first question: hold it to a token budget
// (characters ÷ 4) so new tools cannot quietly make every conversation dearer. A size check, not a timing.
import { describe, expect, it } from "vitest";
import { LISTING_BUDGET, listingTokens } from "../../scripts/tool-listing.js";

const BUDGET = {
  defaultListing: LISTING_BUDGET["default (read tools)"],
  withWrites: LISTING_BUDGET["all tools, writes enabled"],
  perTool: LISTING_BUDGET.perTool,
};

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
