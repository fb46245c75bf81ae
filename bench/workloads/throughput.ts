// Requests per second on loopback: the emulator serving get_group_member_info pages of 100 members,
// through our ChatClient (signing, guards, validation) vs raw undici requests in the same run.
import { request } from "undici";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { ChatClient } from "../../src/chat/client.js";
import { createUserSigProvider, generateUserSig } from "../../src/chat/usersig.js";
import { DEMO_GROUP_IDS, startEmulator } from "../../src/emulator/index.js";
import type { Row } from "../run.js";

const N = 4000;
const CONCURRENCY = 16;

async function measure(fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) await fn(next++);
    }),
  );
  return N / ((performance.now() - t) / 1000);
}

/** The emulator alone in its own process, so the load generator does not share its CPU budget. */
async function isolatedEmulatorRps(): Promise<number> {
  const { spawn } = await import("node:child_process");
  const proc = spawn(process.execPath, ["--import", "tsx", "bench/fixtures/emulator-process.ts"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const info = await new Promise<{ url: string; sdkAppId: number; identifier: string; secretKey: string }>(
    (resolve) => {
      let out = "";
      proc.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(JSON.parse(out));
      });
    },
  );
  const sig = generateUserSig(info.sdkAppId, info.secretKey, info.identifier, 3600);
  try {
    return await measure(async (i) => {
      const res = await request(
        `${info.url}/v4/group_open_http_svc/get_group_member_info?sdkappid=${info.sdkAppId}&identifier=${info.identifier}&usersig=${sig}&random=${i}&contenttype=json`,
        { method: "POST", body: JSON.stringify({ GroupId: DEMO_GROUP_IDS.community100k, Limit: 100, Next: "" }) },
      );
      const json = (await res.body.json()) as { ErrorCode: number };
      if (json.ErrorCode !== 0) throw new Error(`isolated ${json.ErrorCode}`);
    });
  } finally {
    proc.kill("SIGTERM");
  }
}

export async function run(): Promise<Row[]> {
  const isolated = await isolatedEmulatorRps();
  const emu = await startEmulator({ port: 0, callsPerSecond: 1_000_000 });
  const c = emu.credentials;
  const sig = generateUserSig(c.sdkAppId, c.secretKey, c.identifier, 3600);
  const body = (i: number) =>
    JSON.stringify({
      GroupId: DEMO_GROUP_IDS.community100k,
      Limit: 100,
      Next: i === 0 ? "" : String(144115265295492787n + BigInt((i * 100) % 99_000) * 7919n),
    });
  const raw = await measure(async (i) => {
    const res = await request(
      `${emu.url}/v4/group_open_http_svc/get_group_member_info?sdkappid=${c.sdkAppId}&identifier=${c.identifier}&usersig=${sig}&random=${i}&contenttype=json`,
      { method: "POST", body: body(i) },
    );
    const json = (await res.body.json()) as { ErrorCode: number };
    if (json.ErrorCode !== 0) throw new Error(`raw ${json.ErrorCode}`);
  });
  const client = new ChatClient({
    baseUrl: emu.url,
    sdkAppId: c.sdkAppId,
    identifier: c.identifier,
    userSig: createUserSigProvider({ ...c }),
    rateLimits: { default: 1_000_000, perApi: {} },
  });
  const ours = await measure((i) => client.call(CHAT_APIS.getGroupMemberInfo, JSON.parse(body(i))));
  await client.close();
  await emu.stop();
  return [
    {
      name: `Emulator alone in its own process, 100-member Community pages (${CONCURRENCY} concurrent)`,
      ours: isolated,
      baseline: 1000,
      unit: "req/s",
      ratio: isolated / 1000,
      target: ">= 1,000 req/s",
      pass: isolated >= 1000,
    },
    {
      name: `Emulator and load generator in one process, 100-member Community pages (raw undici, ${CONCURRENCY} concurrent)`,
      ours: raw,
      baseline: 1000,
      unit: "req/s",
      ratio: raw / 1000,
      target: ">= 1,000 req/s (never our bottleneck)",
      pass: raw >= 1000,
    },
    {
      name: "ChatClient throughput vs raw undici on the same emulator",
      ours,
      baseline: raw,
      unit: "req/s",
      ratio: ours / raw,
      target: ">= 0.6 x raw",
      pass: ours / raw >= 0.6,
    },
  ];
}
