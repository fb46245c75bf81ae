// Sentences of the README that name tools, flags or tested Node versions are checked against the code, so
// prose cannot drift the way "write tools (set_member_marks, set_member_marks_bulk)" once did.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { CALL_OPTIONS } from "../../src/cli/call-options.js";
import { CONFIG_OPTIONS } from "../../src/config/options.js";
import { PROFILE_FIELDS } from "../../src/config/profiles.js";
import { isWriteTool } from "../../src/tools/define.js";
import { ALL_TOOLS } from "../../src/tools/index.js";

const readme = readFileSync("README.md", "utf8");
// Prose only: the generated tables are checked by generated-docs.test.ts, code blocks are commands.
const prose = readme.replace(/<!-- BEGIN (\w+) -->[\s\S]*?<!-- END \1 -->/g, "").replace(/```[\s\S]*?```/g, "");

describe("README prose matches the code", () => {
  it("every tool-like name in backticks is a tool, a parameter, a dynamic-toolset tool or a REST command", () => {
    const known = new Set([
      ...ALL_TOOLS.map((t) => t.name),
      ...ALL_TOOLS.flatMap((t) => Object.keys(t.inputSchema.shape)),
      ...PROFILE_FIELDS,
      "list_toolsets",
      "enable_toolsets",
      ...Object.values(CHAT_APIS).map((a) => a.command),
    ]);
    const named = [...prose.matchAll(/`([a-z]+(?:_[a-z]+)+)\b/g)].map((m) => m[1]!);
    const toolLike = named.filter((n) =>
      /^(get|list|set|summarize|find|check|mute|unmute|remove|ban|unban|recall|delete|explain|enable)_/.test(n),
    );
    expect(toolLike.filter((n) => !known.has(n))).toEqual([]);
  });

  it("every --flag it names is an option of the server or of the call command", () => {
    const flags = new Set([...CONFIG_OPTIONS.map((o) => o.flag), ...Object.keys(CALL_OPTIONS)]);
    // redis-server's own flags in the replicas example.
    const foreign = new Set(["save"]);
    const named = [...readme.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!);
    expect(named.filter((f) => !flags.has(f) && !foreign.has(f))).toEqual([]);
  });

  it("says which write tools there are only through the generated tables", () => {
    // A sentence listing write tools by name goes stale with every new one: the tables mark them (*).
    for (const t of ALL_TOOLS.filter(isWriteTool))
      expect(prose, t.name).not.toMatch(new RegExp(`[Ww]rite tools \\([^)]*\`${t.name}\``));
  });

  it("names the Node versions CI tests, and engines agrees", () => {
    const ci = readFileSync(".ci/run", "utf8");
    const tested = [20, ...[...ci.matchAll(/test-on-node\.sh (\d+)/g)].map((m) => Number(m[1]))];
    const line = /^On a fresh clone \(([^)]*\))[^)]*\)/m.exec(readme)?.[0] ?? "";
    for (const v of tested) expect(line, `Node ${v}`).toContain(String(v));
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
    expect(pkg.engines.node).toMatch(/^>=20\./);
  });
});
