import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderManifest, renderReadme } from "../../scripts/generated-docs.js";
import { allListingCosts } from "../../scripts/tool-listing.js";
import { ALL_TOOLS } from "../../src/tools/index.js";

describe("generated docs", () => {
  it("README tables (tools, listing costs, options) match the code (run npm run gen)", async () => {
    const readme = readFileSync("README.md", "utf8");
    expect(renderReadme(readme, await allListingCosts())).toBe(readme);
  });

  it("manifest.json tools match the registry (run npm run gen)", () => {
    const manifest = readFileSync("manifest.json", "utf8");
    expect(renderManifest(manifest)).toBe(manifest);
    const names = (JSON.parse(manifest) as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(names).toEqual(ALL_TOOLS.map((t) => t.name));
  });

  it("manifest user_config reaches the documented environment variables", () => {
    const m = JSON.parse(readFileSync("manifest.json", "utf8")) as {
      server: { mcp_config: { env: Record<string, string> } };
      user_config: Record<string, { sensitive?: boolean }>;
    };
    expect(Object.keys(m.server.mcp_config.env).sort()).toEqual([
      "TENCENT_CHAT_DEMO",
      "TENCENT_CHAT_ENABLE_WRITES",
      "TENCENT_CHAT_IDENTIFIER",
      "TENCENT_CHAT_REGION",
      "TENCENT_CHAT_SDKAPPID",
      "TENCENT_CHAT_SECRET_KEY",
    ]);
    expect(m.user_config.secret_key?.sensitive).toBe(true);
  });
});
