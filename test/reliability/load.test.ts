// 50 concurrent MCP clients over the Streamable HTTP transport share one keep-alive pool and one
// limiter: zero failed calls, no request over the emulator's rate limit, latency percentiles printed.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient } from "../../src/chat/client.js";
import { createUserSigProvider } from "../../src/chat/usersig.js";
import { loadConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/core/logger.js";
import { DEMO_GROUP_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { startHttpServer } from "../../src/mcp/http.js";
import { buildServer } from "../../src/mcp/server.js";
import { ALL_TOOLS } from "../../src/tools/index.js";

const CLIENTS = 50;
const DURATION_MS = 4000;
let emu: RunningEmulator;
let chat: ChatClient;
let http: Awaited<ReturnType<typeof startHttpServer>>;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, largeGroups: false }); // the documented 200 calls/s per API
  const c = emu.credentials;
  chat = new ChatClient({
    baseUrl: emu.url,
    sdkAppId: c.sdkAppId,
    identifier: c.identifier,
    userSig: createUserSigProvider({ ...c }),
  });
  const { config } = loadConfig({ argv: [], env: {} });
  const logger = createLogger("error", () => undefined);
  http = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    logger,
    buildServer: () => buildServer({ chat, config, tools: ALL_TOOLS, logger, version: "load" }),
  });
});
afterAll(async () => {
  await http.close();
  await chat.close();
  await emu.stop();
});

const CALLS: [string, Record<string, unknown>][] = [
  ["get_group_info", { group_ids: [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.community] }],
  ["get_group_member_info", { group_id: DEMO_GROUP_IDS.public, limit: 20 }],
  ["summarize_group_members", { group_id: DEMO_GROUP_IDS.community }],
  ["get_online_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall }],
  ["find_group_members", { group_id: DEMO_GROUP_IDS.public, muted: true }],
];

describe("load over HTTP", () => {
  it(`${CLIENTS} concurrent clients: zero failures, no request over the rate limit`, async () => {
    const latencies: number[] = [];
    let failures = 0;
    const stopAt = Date.now() + DURATION_MS;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const client = new Client({ name: `load-${i}`, version: "1" });
        await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
        for (let n = i; Date.now() < stopAt; n++) {
          const [name, args] = CALLS[n % CALLS.length]!;
          const t = performance.now();
          const r = await client.callTool({ name, arguments: args });
          latencies.push(performance.now() - t);
          if (r.isError) failures++;
        }
        await client.close();
      }),
    );
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
    const stats = emu.control.stats();
    console.log(
      `load: ${latencies.length} calls by ${CLIENTS} clients in ${DURATION_MS} ms; p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms; emulator max calls/s per API ${JSON.stringify(stats.maxPerSecond)}`,
    );
    expect(latencies.length).toBeGreaterThan(CLIENTS * 2);
    expect(failures).toBe(0);
    expect(stats.rateLimited).toEqual({});
    for (const v of Object.values(stats.maxPerSecond)) expect(v).toBeLessThanOrEqual(200);
  }, 60_000);
});
