import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GROUP_TYPES } from "../../src/chat/group-types.js";
import { ALL_TOOLS, TOOLSETS, toolsetOf } from "../../src/tools/index.js";

const kebab = (name: string) => name.replace(/_/g, "-");
const GROUP_WORDS = [...GROUP_TYPES, "Work", "Meeting", "live", "any type", "every group type", "all group types"];

describe("tool registry", () => {
  it("has unique snake_case names and one file per tool named after it", () => {
    const names = ALL_TOOLS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect(n).toMatch(/^[a-z][a-z0-9_]{2,63}$/);
      // A tool's toolset is the folder it lives in.
      expect(existsSync(`src/tools/${toolsetOf(n)}/${kebab(n)}.ts`), n).toBe(true);
    }
  });

  it.each(ALL_TOOLS.map((t) => [t.name, t] as const))(
    "%s has explicit annotations, schemas and a useful description",
    (_n, t) => {
      for (const k of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const)
        expect(typeof t.annotations[k]).toBe("boolean");
      expect(t.annotations.title).toBeTruthy();
      expect(t.annotations.readOnlyHint && t.annotations.destructiveHint).toBe(false);
      expect(t.outputSchema).toBeDefined();
      expect(t.inputSchema).toBeDefined();
      expect(t.description.length).toBeGreaterThan(120);
      expect(t.description.length).toBeLessThan(1200);
      if (toolsetOf(t.name) !== "meta") {
        expect(
          GROUP_WORDS.some((w) => t.description.includes(w)),
          `${t.name} names its group types`,
        ).toBe(true);
        expect(t.description).toMatch(/REST|get_group_info|get_group_member_info|get_members/);
      }
    },
  );

  it("puts every tool in exactly one toolset, and every toolset has tools", () => {
    const counted = TOOLSETS.flatMap((s) => s.tools.map((t) => t.name));
    expect(new Set(counted).size).toBe(counted.length);
    for (const s of TOOLSETS) expect(s.tools.length, s.name).toBeGreaterThan(0);
  });

  it("rejects unknown arguments (strict input objects)", () => {
    for (const t of ALL_TOOLS) expect(t.inputSchema.safeParse({ __unknown__: 1 }).success, t.name).toBe(false);
  });

  it("every tool is called through a real MCP client in a test under test/tools", () => {
    const dir = "test/tools";
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => readFileSync(`${dir}/${f}`, "utf8"))
      .join("\n");
    for (const t of ALL_TOOLS)
      expect(new RegExp(`callTool\\([^)]*?"${t.name}"`, "s").test(sources), `${t.name} has no callTool test`).toBe(
        true,
      );
  });
});
