// Every conversation pays for tools/list before its first question: hold it to a token budget
// (characters ÷ 4) so new tools cannot quietly make every conversation dearer. A size check, not a timing.
import { describe, expect, it } from "vitest";
import { listingTokens } from "../../scripts/tool-listing.js";

// The default budget was 8,000 for the first nine read tools; the six discovery tools (about 530 tokens each)
// raised it to 9,500 on purpose. The average per tool is the bound that scales with the surface.
const BUDGET = { defaultListing: 9500, withWrites: 12000 };

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

  it("tools cost 700 tokens each on average at most, so the tools still to come fit the budget", async () => {
    // A tool that needs more is describing what its schema already says.
    const all = await listingTokens(["--enable-writes"]);
    expect(all.tokens / all.tools).toBeLessThanOrEqual(700);
  });
});
