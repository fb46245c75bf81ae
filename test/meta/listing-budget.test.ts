// Every conversation pays for tools/list before its first question: hold it to a token budget
// (characters ÷ 4) so new tools cannot quietly make every conversation dearer. A size check, not a timing.
import { describe, expect, it } from "vitest";
import { LISTING_BUDGET, LISTINGS, listingTokens, perToolTokens } from "../../scripts/tool-listing.js";

const budgets = Object.entries(LISTING_BUDGET).filter(([name]) => name !== "perTool") as [string, number][];

describe("tools/list token budget", () => {
  it.each(budgets)("the %s listing stays within %d tokens", async (name, budget) => {
    const argv = LISTINGS[name];
    expect(argv, `${name} is a listing of LISTINGS`).toBeDefined();
    const l = await listingTokens(argv ?? []);
    expect(l.tools).toBeGreaterThanOrEqual(5);
    expect(l.tokens).toBeLessThanOrEqual(budget);
  });

  it(`no tool costs more than ${LISTING_BUDGET.perTool} tokens`, () => {
    // A tool that needs more is describing what its schema already says.
    const over = perToolTokens().filter((t) => t.tokens > LISTING_BUDGET.perTool);
    expect(over).toEqual([]);
  });

  it("writes enabled add tools; the default lists fewer tools than all toolsets", async () => {
    const d = await listingTokens([]);
    const w = await listingTokens(["--enable-writes"]);
    const all = await listingTokens(["--toolsets", "all", "--enable-writes"]);
    expect(w.tools).toBeGreaterThan(d.tools);
    expect(all.tools).toBeGreaterThan(w.tools);
  });
});
