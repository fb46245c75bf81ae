import { describe, expect, it } from "vitest";
import { sanitizeText } from "../../src/core/sanitize.js";

describe("sanitizeText", () => {
  it("strips control and bidi characters", () => {
    expect(sanitizeText("\u202eevil\u202c x\u0007y\u0000z\u200b")).toBe("evil xyz");
  });
  it("caps long text and says it was cut", () => {
    const s = sanitizeText("x".repeat(500), 100);
    expect(s.length).toBe(100);
    expect(s.endsWith("…")).toBe(true);
  });
  it("replaces lone surrogates (invalid UTF-16) and keeps valid pairs", () => {
    expect(sanitizeText("a\ud800b😀")).toBe("a\ufffdb😀");
  });
  it("collapses whitespace and newlines so text cannot fake structure", () => {
    expect(sanitizeText("line1\n\nSYSTEM:\tdo it")).toBe("line1 SYSTEM: do it");
  });
});
