// --dynamic-toolsets: the agent starts small, enables a toolset, is told the listing changed, and calls the
// new tools. Over stdio with the built bin and a real SDK client; over stateless HTTP it says what to do instead.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/demo-ids.js";
import { textOf } from "../helpers/harness.js";
import { BIN, cleanEnv, startHttp } from "../helpers/spawn-bin.js";

const call = async (client: Client, req: { name: string; arguments: Record<string, unknown> }) =>
  (await client.callTool(req)) as CallToolResult;

describe("dynamic toolsets", () => {
  it("over stdio: enable_toolsets lists the live tools, sends tools/list_changed, and they can be called", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, "--demo", "--dynamic-toolsets"],
      env: cleanEnv(),
      stderr: "ignore",
    });
    const client = new Client({ name: "dynamic", version: "1" });
    let changed = 0;
    const notified = new Promise<void>((resolve) => {
      client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
        changed++;
        resolve();
      });
    });
    await client.connect(transport);
    try {
      const before = (await client.listTools()).tools.map((t) => t.name);
      expect(before).toEqual(expect.arrayContaining(["list_toolsets", "enable_toolsets", "list_groups"]));
      expect(before).not.toContain("summarize_online_members");

      const listed = await call(client, { name: "list_toolsets", arguments: {} });
      expect(textOf(listed)).toMatch(/live \(not enabled\): .*summarize_online_members/);
      expect(textOf(listed)).toMatch(/groups \(enabled\)/);

      // A tool of a toolset not enabled yet is not callable.
      const early = await call(client, {
        name: "summarize_online_members",
        arguments: { group_id: DEMO_GROUP_IDS.avChatRoomSmall },
      });
      expect(early.isError).toBe(true);

      const enabled = await call(client, { name: "enable_toolsets", arguments: { toolsets: ["live"] } });
      expect(enabled.isError).toBeFalsy();
      expect(enabled.structuredContent).toMatchObject({
        enabled: ["live"],
        tools_added: expect.arrayContaining(["summarize_online_members", "get_online_members"]),
      });
      await notified;
      expect(changed).toBe(1); // one notification for the whole toolset, not one per tool

      const after = (await client.listTools()).tools.map((t) => t.name);
      expect(after).toEqual(expect.arrayContaining([...before, "summarize_online_members", "get_online_members"]));
      // Writes stay gated: the live toolset's mark tools need --enable-writes.
      expect(after).not.toContain("set_member_marks");

      const r = await call(client, {
        name: "summarize_online_members",
        arguments: { group_id: DEMO_GROUP_IDS.avChatRoomSmall },
      });
      expect(r.isError).toBeFalsy();
      expect(textOf(r)).toContain(DEMO_GROUP_IDS.avChatRoomSmall);

      // Enabling again adds nothing and sends nothing.
      const again = await call(client, { name: "enable_toolsets", arguments: { toolsets: ["live"] } });
      expect(again.structuredContent).toMatchObject({ tools_added: [] });
      expect(changed).toBe(1);
    } finally {
      await client.close();
    }
  });

  it("over stateless HTTP: list_toolsets answers, enable_toolsets says which flag to restart with", async () => {
    const { proc, url } = await startHttp(["--demo", "--dynamic-toolsets"]);
    try {
      const client = new Client({ name: "dynamic-http", version: "1" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      const listed = await call(client, { name: "list_toolsets", arguments: {} });
      expect(textOf(listed)).toMatch(/restart it with --toolsets community,state,live,raw/);
      const r = await call(client, { name: "enable_toolsets", arguments: { toolsets: ["live"] } });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/stateless HTTP[\s\S]*--toolsets default,live/);
      await client.close();
    } finally {
      proc.kill();
    }
  });
});
