// The built bin, spawned as a host would: stdio and Streamable HTTP.
import { spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/demo-ids.js";
import { BIN, cleanEnv, startHttp } from "../helpers/spawn-bin.js";

describe("stdio", () => {
  it("serves tools/list and a call in demo mode, with nothing but protocol on stdout", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, "--demo"],
      env: cleanEnv(),
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const client = new Client({ name: "e2e", version: "1" });
    await client.connect(transport); // a stray stdout line would break the JSON-RPC framing here
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThanOrEqual(9);
    const r = await client.callTool({ name: "get_group_info", arguments: { group_ids: [DEMO_GROUP_IDS.public] } });
    expect(JSON.stringify(r.content)).toContain("DEMO DATA");
    expect(client.getServerCapabilities()?.logging).toBeDefined();
    await client.close();
    expect(stderr).toMatch(/DEMO MODE/);
  });

  it("starts without credentials and answers with the configuration error", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN],
      env: cleanEnv(),
      stderr: "pipe",
    });
    const client = new Client({ name: "e2e", version: "1" });
    await client.connect(transport);
    const r = await client.callTool({ name: "get_group_info", arguments: { group_ids: ["@TGS#1"] } });
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.content)).toMatch(/TENCENT_CHAT_SDKAPPID[\s\S]*--demo/);
    await client.close();
  });

  it("exits when the host closes stdin (no orphaned servers)", async () => {
    const proc = spawn(process.execPath, [BIN, "--demo"], { env: cleanEnv(), stdio: ["pipe", "pipe", "ignore"] });
    proc.stdin.end(
      `${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } } })}\n`,
    );
    let out = "";
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    expect(await new Promise((r) => proc.on("exit", r))).toBe(0);
    expect(out).toContain('"serverInfo"');
  });

  it("exits 2 with a clear message on a bad value", async () => {
    const proc = spawn(process.execPath, [BIN, "--region", "mars"], { env: cleanEnv() });
    let err = "";
    proc.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((r) => proc.on("exit", r));
    expect(code).toBe(2);
    expect(err).toMatch(/TENCENT_CHAT_REGION \(--region\)/);
  });
});

describe("Streamable HTTP", () => {
  let server: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    server = await startHttp(["--demo", "--mcp-token", "t0ken-for-tests"]);
  });
  afterAll(() => {
    server.proc.kill();
  });

  it("serves a real client with the bearer token", async () => {
    const client = new Client({ name: "e2e-http", version: "1" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(server.url), {
        requestInit: { headers: { Authorization: "Bearer t0ken-for-tests" } },
      }),
    );
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("summarize_group_members");
    const r = await client.callTool({
      name: "summarize_group_members",
      arguments: { group_id: DEMO_GROUP_IDS.public },
    });
    expect(r.isError).toBeFalsy();
    await client.close();
  });

  const post = (headers: Record<string, string>, body = '{"jsonrpc":"2.0","id":1,"method":"ping"}') =>
    fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      body,
    });

  it("answers 401 with WWW-Authenticate without the token, and with a wrong one", async () => {
    const r = await post({});
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await post({ authorization: "Bearer wrong" })).status).toBe(401);
  });

  it("without a token, refuses pages on other localhost ports but accepts its own origin", async () => {
    const open = await startHttp(["--demo"]);
    try {
      const own = new URL(open.url).origin;
      const ping = (origin?: string) =>
        fetch(open.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            ...(origin ? { origin } : {}),
          },
          body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
        });
      expect((await ping("http://localhost:9999")).status).toBe(403);
      expect((await ping("http://127.0.0.1:5173")).status).toBe(403);
      expect((await ping(own)).status).toBe(200);
      expect((await ping()).status).toBe(200); // non-browser clients send no Origin
    } finally {
      open.proc.kill();
    }
  });

  it("answers 403 for a foreign Origin or Host", async () => {
    const auth = { authorization: "Bearer t0ken-for-tests" };
    expect((await post({ ...auth, origin: "https://evil.example" })).status).toBe(403);
    // With the token, a loopback page on another port may call (the token protects it).
    expect((await post({ ...auth, origin: "http://localhost:5173" })).status).toBe(200);
    const { request } = await import("undici");
    const r = await request(server.url, {
      method: "POST",
      headers: {
        host: "evil.example",
        ...auth,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: "{}",
    });
    expect(r.statusCode).toBe(403);
    await r.body.dump();
  });

  it("answers 405 for GET, 413 for a huge body, and serves /healthz", async () => {
    const auth = { authorization: "Bearer t0ken-for-tests" };
    expect((await fetch(server.url, { headers: auth })).status).toBe(405);
    expect((await post(auth, `{"x":"${"a".repeat(1_100_000)}"}`)).status).toBe(413);
    const health = await fetch(server.url.replace("/mcp", "/healthz"));
    // One process alone: its own local rate buckets.
    expect(await health.json()).toEqual({ ok: true, limiter: "local" });
    expect(health.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("HTTP on a non-loopback host", () => {
  it("with a token, answers under any Host name but still refuses foreign Origins", async () => {
    const srv = await startHttp(["--host", "0.0.0.0", "--mcp-token", "t0ken-for-tests", "--demo"]);
    const url = srv.url.replace("0.0.0.0", "127.0.0.1");
    const { request } = await import("undici");
    const post = async (headers: Record<string, string>) => {
      const r = await request(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          authorization: "Bearer t0ken-for-tests",
          ...headers,
        },
        body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
      });
      await r.body.dump();
      return r.statusCode;
    };
    expect(await post({ host: "chat-mcp.internal:3333" })).toBe(200);
    expect(await post({ host: "chat-mcp.internal:3333", origin: "https://evil.example" })).toBe(403);
    expect(await post({ host: "chat-mcp.internal:3333", authorization: "Bearer nope" })).toBe(401);
    srv.proc.kill();
  });

  it("refuses to start without a token", async () => {
    const proc = spawn(process.execPath, [BIN, "--transport", "http", "--host", "0.0.0.0", "--port", "0", "--demo"], {
      env: cleanEnv(),
    });
    let err = "";
    proc.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((r) => proc.on("exit", r));
    expect(code).toBe(2);
    expect(err).toMatch(/TENCENT_CHAT_MCP_TOKEN/);
  });
});

describe("commands", () => {
  it("call runs one tool through a real client and sets the exit code", async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn(process.execPath, [BIN, "call", ...args], { env: cleanEnv() });
        let out = "";
        p.stdout.on("data", (d: Buffer) => {
          out += d.toString();
        });
        p.on("exit", (code) => resolve({ code, out }));
      });
    const ok = await run([
      "get_online_member_num",
      "--demo",
      "--json",
      "--args",
      JSON.stringify({ group_id: DEMO_GROUP_IDS.community }),
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ online_member_num: 40 });
    const bad = await run([
      "get_group_member_info",
      "--demo",
      "--args",
      JSON.stringify({ group_id: DEMO_GROUP_IDS.avChatRoom }),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/get_online_members/);
    expect((await run(["no_such_tool", "--demo"])).code).toBe(2);
  });
});

describe("emulator command", () => {
  it("prints its URL and demo credentials, and serves signed calls", async () => {
    const proc = spawn(process.execPath, [BIN, "emulator"], { env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(out)), 15_000);
      proc.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m && out.includes("Press Ctrl+C")) {
          clearTimeout(t);
          resolve(m[1]!);
        }
      });
    });
    expect(out).toMatch(/SDKAppID:\s+1400000001/);
    expect(out).toMatch(/Secret key:\s+[0-9a-f]{64}/);
    expect(out).toContain("TENCENT_CHAT_BASE_URL=");
    const health = await fetch(`${url}/_emulator/health`);
    expect(await health.json()).toEqual({ ok: true });
    proc.kill("SIGTERM");
    expect(await new Promise((r) => proc.on("exit", r))).toBe(0);
  });
});
