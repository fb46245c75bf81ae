// The bin's edges, as spawned processes: start-up failures exit non-zero, stdio limits and a closed
// stdout end the process cleanly, the call command never exits 0 without an answer and keeps secrets
// off the command line, HTTP accepts the bound loopback address and any case of "Bearer".
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serverArgs } from "../../src/cli/call.js";
import { DEMO_GROUP_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { BIN, cleanEnv, emulatorEnv, startHttp } from "../helpers/spawn-bin.js";

function run(args: string[], opts: { env?: Record<string, string>; input?: string | Buffer; timeoutMs?: number } = {}) {
  return new Promise<{ code: number | null; out: string; err: string; ms: number }>((resolve) => {
    const started = Date.now();
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...cleanEnv(), ...opts.env } });
    let out = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    p.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const t = setTimeout(() => p.kill("SIGKILL"), opts.timeoutMs ?? 20_000);
    p.on("exit", (code) => {
      clearTimeout(t);
      resolve({ code, out, err, ms: Date.now() - started });
    });
    p.stdin.on("error", () => undefined);
    if (opts.input !== undefined) p.stdin.end(opts.input);
  });
}

describe("start-up failures", () => {
  it("--demo over HTTP on a busy port says why and exits non-zero instead of hanging", async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    const port = (busy.address() as { port: number }).port;
    const r = await run(["--demo", "--transport", "http", "--port", String(port)], { timeoutMs: 15_000 });
    busy.close();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot serve HTTP on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
  });

  it("warns when --tools names a write tool that writes-disabled hides", async () => {
    const r = await run(["--demo", "--tools", "set_member_marks,get_group_info"], { input: "" });
    expect(r.err).toMatch(/set_member_marks, which change data and are not listed: writes are disabled/);
  });
});

describe("stdio", () => {
  it("a line over the SDK's 10 MB limit is logged and exits non-zero", async () => {
    const r = await run(["--demo"], { input: Buffer.alloc(11 * 1024 * 1024, 97) });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/exceeded maximum size.*exiting/);
  });

  it("a closed stdout ends the process cleanly (no unhandled EPIPE)", async () => {
    const p = spawn(process.execPath, [BIN, "--demo"], { env: cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
    let err = "";
    p.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    await new Promise((r) => setTimeout(r, 300));
    p.stdout.destroy();
    const init = { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } };
    for (let id = 1; id <= 3; id++)
      p.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method: "initialize", params: init })}\n`);
    const code = await new Promise<number | null>((r) => p.on("exit", r));
    expect(code).toBe(0);
    expect(err).not.toMatch(/Unhandled|EPIPE/);
  });
});

describe("call command", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
  });
  afterAll(() => emu.stop());

  it("moves secret flags into the child's environment, off the command line", () => {
    const { args, env } = serverArgs(
      ["get_group_info", "--secret-key", "s3cr3t", "--usersig=sig", "--region", "singapore", "--args", "{}"],
      "get_group_info",
    );
    expect(args).toEqual(["--region", "singapore"]);
    expect(env).toEqual({ TENCENT_CHAT_SECRET_KEY: "s3cr3t", TENCENT_CHAT_USERSIG: "sig" });
    // Inline values stay inline, booleans stay bare, the call's own --json and --args go nowhere.
    expect(
      serverArgs(
        ["--region=singapore", "--demo", "--json", "list_groups", "--log-level", "debug", "--args={}"],
        "list_groups",
      ).args,
    ).toEqual(["--region=singapore", "--demo", "--log-level", "debug"]);
  });

  it("with debug logging and retries, prints the answer and exits 0 (the server's log is drained)", async () => {
    emu.control.setFaults({ seed: 3, rules: [{ kind: "error", code: 10002, fraction: 0.3 }] });
    const c = emu.credentials;
    const r = await run(
      [
        "call",
        "summarize_group_members",
        "--log-level",
        "debug",
        "--json",
        "--args",
        JSON.stringify({ group_id: DEMO_GROUP_IDS.publicLarge }),
      ],
      {
        env: { ...emulatorEnv(emu), TENCENT_CHAT_MAX_ATTEMPTS: "10" },
      },
    );
    emu.control.clearFaults();
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ complete: true, scanned: 6000 });
    expect(r.err).toMatch(/attempt \d+: api_error 10002, retrying/);
    expect(r.err).not.toContain(c.secretKey);
  });

  it("a write tool without --enable-writes says what to add (exit 2)", async () => {
    const r = await run(["call", "set_member_marks", "--demo", "--args", "{}"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/writes are disabled: add --enable-writes/);
  });
});

describe("HTTP edges", () => {
  it("a server bound to 127.0.0.2 answers requests addressed to it", async () => {
    const s = await startHttp(["--demo", "--host", "127.0.0.2"]);
    try {
      const health = await fetch(s.url.replace("/mcp", "/healthz"));
      expect(health.status).toBe(200);
    } finally {
      s.proc.kill();
    }
  });

  it("the Bearer scheme is case-insensitive", async () => {
    const s = await startHttp(["--demo", "--mcp-token", "t0ken-for-tests"]);
    try {
      const ping = (authorization: string) =>
        fetch(s.url, {
          method: "POST",
          headers: { authorization, "content-type": "application/json", accept: "application/json, text/event-stream" },
          body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
        });
      expect((await ping("bearer t0ken-for-tests")).status).toBe(200);
      expect((await ping("BEARER t0ken-for-tests")).status).toBe(200);
      expect((await ping("Basic t0ken-for-tests")).status).toBe(401);
    } finally {
      s.proc.kill();
    }
  });
});

describe("cancellation over stateless HTTP", () => {
  it("closing the connection stops the call's upstream requests", async () => {
    const emu = await startEmulator({ port: 0, latencyMs: 5 });
    const s = await startHttp([], emulatorEnv(emu));
    try {
      const abort = new AbortController();
      const call = fetch(s.url, {
        method: "POST",
        signal: abort.signal,
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "tools/call",
          params: { name: "summarize_group_members", arguments: { group_id: DEMO_GROUP_IDS.community1m } },
        }),
      }).catch(() => undefined);
      // Abort once the scan is under way (an event: the emulator has seen its pages), not after a fixed time.
      await vi.waitFor(() => expect(emu.control.totalCalls()).toBeGreaterThan(5), { timeout: 10_000, interval: 20 });
      const atAbort = emu.control.totalCalls();
      abort.abort();
      await call;
      // The server logs the call's REST count when its handler has returned: from then on it sends nothing.
      await vi.waitFor(() => expect(s.stderr()).toMatch(/summarize_group_members: REST calls/), { timeout: 10_000 });
      const settled = emu.control.totalCalls();
      expect(settled - atAbort).toBeLessThan(20);
      // The handler's own count: the requests it started, the aborted ones included. A few more than at the abort.
      const counted = Number(/"get_group_member_info":(\d+)/.exec(s.stderr())?.[1]);
      expect(counted).toBeLessThan(atAbort + 20);
    } finally {
      s.proc.kill();
      await emu.stop();
    }
  });
});
