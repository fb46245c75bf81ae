// The MCP Inspector CLI (a client no one here wrote) against the built server in demo mode,
// over stdio and over Streamable HTTP. --strict reports tool-schema portability problems.
import { type ChildProcess, execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/demo-ids.js";
import { cleanEnv, startHttp } from "../helpers/spawn-bin.js";

const run = promisify(execFile);
const INSPECTOR = "node_modules/.bin/mcp-inspector";
const env = cleanEnv();
/** Inspector options that run our built bin in demo mode over stdio, answering in JSON. */
// Every toolset and the write tools: --strict checks the schema of every tool there is.
const DEMO_STDIO = [
  "--format",
  "json",
  "-q",
  "--",
  "node",
  "dist/index.js",
  "--demo",
  "--toolsets",
  "all",
  "--enable-writes",
];

async function inspector(args: string[]): Promise<{ json: { result: Record<string, unknown> }; stderr: string }> {
  const { stdout, stderr } = await run(INSPECTOR, ["--cli", ...args], { env, timeout: 60_000 });
  return { json: JSON.parse(stdout) as { result: Record<string, unknown> }, stderr };
}

describe("MCP Inspector CLI over stdio", () => {
  it("tools/list --strict finds no schema problems", async () => {
    const { json, stderr } = await inspector(["--method", "tools/list", "--strict", ...DEMO_STDIO]);
    const tools = json.result.tools as { name: string; outputSchema?: unknown; annotations?: unknown }[];
    expect(tools.length).toBeGreaterThanOrEqual(9);
    for (const t of tools) {
      expect(t.outputSchema, t.name).toBeDefined();
      expect(t.annotations, t.name).toBeDefined();
    }
    expect(stderr).not.toMatch(/Warning|Error/);
  });

  it("tools/call answers with structured content", async () => {
    const { json } = await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      "get_online_member_num",
      "--tool-arg",
      `group_id=${DEMO_GROUP_IDS.community}`,
      ...DEMO_STDIO,
    ]);
    expect(json.result.structuredContent).toMatchObject({ online_member_num: 40 });
  });

  it("exits 5 when a tool answers isError", async () => {
    const err = await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      "get_group_member_info",
      "--tool-arg",
      `group_id=${DEMO_GROUP_IDS.avChatRoom}`,
      ...DEMO_STDIO,
    ]).catch((e: { code?: number }) => e);
    expect((err as { code?: number }).code).toBe(5);
  });
});

describe("MCP Inspector CLI over HTTP", () => {
  let proc: ChildProcess;
  let url = "";
  beforeAll(async () => {
    ({ proc, url } = await startHttp(["--demo"]));
  });
  afterAll(() => {
    proc.kill();
  });

  it("tools/list --strict and tools/call", async () => {
    const list = await inspector([
      url,
      "--transport",
      "http",
      "--method",
      "tools/list",
      "--strict",
      "--format",
      "json",
      "-q",
    ]);
    expect((list.json.result.tools as unknown[]).length).toBeGreaterThanOrEqual(9);
    expect(list.stderr).not.toMatch(/Warning|Error/);
    const call = await inspector([
      url,
      "--transport",
      "http",
      "--method",
      "tools/call",
      "--tool-name",
      "explain_chat_error",
      "--tool-arg",
      "code=10010",
      "--format",
      "json",
      "-q",
    ]);
    expect(call.json.result.structuredContent).toMatchObject({ code: 10010, category: "not_found" });
  });
});
