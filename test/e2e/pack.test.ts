// `npx tencent-chat-group-mcp` from the packed tarball, installed into an empty folder, as a user would.
// Slow (npm install from the registry), so it runs when RUN_PACK_TEST=1 (.ci/run sets it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "tcgm-pack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.env.RUN_PACK_TEST === "1")("packed tarball", () => {
  it("installs into an empty folder and starts with npx", async () => {
    const npm = (args: string[], cwd: string) =>
      execFileSync("npm", args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
    npm(["pack", "--pack-destination", dir, "--silent"], resolve("."));
    const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
    const contents = execFileSync("tar", ["-tzf", join(dir, tgz)], { encoding: "utf8" });
    expect(contents).toContain("package/dist/index.js");
    expect(contents).not.toContain("package/src/");
    expect(contents).not.toContain("package/test/");
    const app = join(dir, "app");
    execFileSync("mkdir", ["-p", app]);
    npm(["init", "-y"], app);
    npm(["install", "--no-audit", "--no-fund", join(dir, tgz)], app);
    const transport = new StdioClientTransport({
      command: "npx",
      args: ["--no-install", "tencent-chat-group-mcp", "--demo"],
      cwd: app,
      stderr: "pipe",
    });
    const client = new Client({ name: "pack-test", version: "1" });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("summarize_group_members");
    const r = await client.callTool({ name: "explain_chat_error", arguments: { code: 10010 } });
    expect(r.isError).toBeFalsy();
    await client.close();
  }, 240_000);
});
