// Replicas sharing one rate budget through Redis: what a shared slot costs per request (vs the local
// bucket, same run), and what three replicas together get out of an emulator limited to 200 calls/s.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { LocalRateLimiters, type RateLimiters } from "../../src/chat/rate-limiters.js";
import { SHARED_FRACTION, SharedRateLimiters } from "../../src/chat/shared-rate-limiter.js";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { startRedis } from "../../test/helpers/redis-server.js";
import { emulatorEnv, startHttp } from "../../test/helpers/spawn-bin.js";
import { spawnEmulator } from "../../test/helpers/spawn-emulator.js";
import type { Row } from "../run.js";

const TAKES = 3000;
const LIMIT = 200;
const CLIENTS = 50;
const SECONDS = 5;

async function takeLatencies(limiters: RateLimiters): Promise<{ p50: number; p99: number }> {
  const gate = limiters.gate("get_group_info");
  for (let i = 0; i < 200; i++) await gate.take(); // warm-up
  const us: number[] = [];
  for (let i = 0; i < TAKES; i++) {
    const t = performance.now();
    await gate.take();
    us.push((performance.now() - t) * 1000);
  }
  us.sort((a, b) => a - b);
  return { p50: us[Math.floor(TAKES / 2)]!, p99: us[Math.floor(TAKES * 0.99)]! };
}

export async function run(): Promise<Row[]> {
  const redis = await startRedis();
  try {
    // A limit far above what one caller can use, so the figures are the cost of taking a slot, not waiting.
    const limits = { default: 1_000_000, perApi: {} };
    const local = await takeLatencies(new LocalRateLimiters(limits));
    const shared = await SharedRateLimiters.create({ url: redis.url, sdkAppId: 1, limits, replicas: 3 });
    await new Promise((r) => setTimeout(r, 200));
    const remote = await takeLatencies(shared);
    await shared.close();

    const emu = await spawnEmulator(LIMIT);
    const env = {
      ...emulatorEnv(emu),
      TENCENT_CHAT_RATE_LIMIT: String(LIMIT),
      TENCENT_CHAT_REPLICAS: "3",
      TENCENT_CHAT_REDIS_URL: redis.url,
    };
    const replicas = await Promise.all([0, 1, 2].map(() => startHttp([], env)));
    let perSecond = 0;
    let peak = 0;
    let refused = 0;
    try {
      const clients = await Promise.all(
        Array.from({ length: CLIENTS }, async (_, i) => {
          const client = new Client({ name: `bench-${i}`, version: "1" });
          await client.connect(new StreamableHTTPClientTransport(new URL(replicas[i % 3]!.url)));
          return client;
        }),
      );
      const call = (client: Client) =>
        client.callTool({ name: "get_group_info", arguments: { group_ids: [DEMO_GROUP_IDS.public] } });
      for (const client of clients.slice(0, 3)) for (let i = 0; i < 10; i++) await call(client); // warm-up
      const callsOf = async () => Object.values((await emu.stats()).calls).reduce((a, b) => a + b, 0);
      const before = await callsOf();
      const started = performance.now();
      const stopAt = Date.now() + SECONDS * 1000;
      await Promise.all(
        clients.map(async (client) => {
          while (Date.now() < stopAt) await call(client);
        }),
      );
      perSecond = (await callsOf()) - before;
      perSecond /= (performance.now() - started) / 1000;
      const stats = await emu.stats();
      peak = Math.max(...Object.values(stats.maxPerSecond));
      refused = Object.values(stats.rateLimited).reduce((a, b) => a + b, 0);
      await Promise.all(clients.map((cl) => cl.close()));
    } finally {
      for (const r of replicas) r.proc.kill("SIGTERM");
      await emu.stop();
    }
    return [
      {
        name: `Shared (Redis) slot per request, median of ${TAKES}, vs the local bucket`,
        ours: remote.p50,
        baseline: local.p50,
        unit: "µs",
        ratio: remote.p50 / local.p50,
        target: "p99 < 2,000 µs (one loopback round trip)",
        pass: remote.p99 < 2000,
        note: `p99 ${remote.p99.toFixed(0)} µs vs local ${local.p99.toFixed(1)} µs`,
      },
      {
        name: `Three replicas + Redis, ${CLIENTS} MCP clients for ${SECONDS} s, emulator limit ${LIMIT}/s`,
        ours: perSecond,
        baseline: LIMIT,
        unit: "calls/s",
        ratio: perSecond / LIMIT,
        target: `never above the limit (peak <= ${LIMIT}, 0 refused); ~${SHARED_FRACTION * 100}% of it by design`,
        pass: peak <= LIMIT && refused === 0 && perSecond / LIMIT >= SHARED_FRACTION - 0.1,
        note: `peak ${peak}/s in any second, ${refused} refused`,
      },
    ];
  } finally {
    await redis.stop();
  }
}
