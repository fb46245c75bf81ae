import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderManifest, renderReadme } from "../../scripts/generated-docs.js";
import { allListingCosts } from "../../scripts/tool-listing.js";
import { CONFIG_OPTIONS } from "../../src/config/options.js";
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
    // Every variable the bundle sets is a documented option, fed by a form field that exists, and every field is used.
    const documented = new Set(CONFIG_OPTIONS.map((o) => o.env).filter(Boolean));
    const used = new Set<string>();
    for (const [name, value] of Object.entries(m.server.mcp_config.env)) {
      expect(documented.has(name), name).toBe(true);
      const field = /^\$\{user_config\.(\w+)\}$/.exec(value)?.[1];
      expect(field && field in m.user_config, `${name} <- ${value}`).toBe(true);
      used.add(field!);
    }
    expect([...used].sort()).toEqual(Object.keys(m.user_config).sort());
    expect(m.server.mcp_config.env.TENCENT_CHAT_SECRET_KEY).toMatch(/^\$\{user_config\.secret_key\}$/);
    expect(m.user_config.secret_key?.sensitive).toBe(true);
  });
});
