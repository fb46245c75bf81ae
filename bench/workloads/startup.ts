// Hosts spawn servers often: time from spawn to the initialize answer, ours vs a minimal SDK server.
import { spawn } from "node:child_process";
import type { Row } from "../run.js";

const RUNS = 7;
const INIT = `${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "bench", version: "1" } } })}\n`;

function timeToInitialize(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const p = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "ignore"] });
    let out = "";
    p.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes('"id":1')) {
        resolve(performance.now() - t);
        p.kill();
      }
    });
    p.on("error", reject);
    p.stdin.write(INIT);
  });
}

async function median(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeToInitialize(args, env));
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

export async function run(): Promise<Row[]> {
  const env = {
    ...process.env,
    TENCENT_CHAT_SDKAPPID: "1400000000",
    TENCENT_CHAT_SECRET_KEY: "k".repeat(64),
    TENCENT_CHAT_REGION: "singapore",
  };
  const floor = await median(["bench/fixtures/minimal-server.mjs"], env);
  const ours = await median(["dist/index.js"], env);
  const demo = await median(["dist/index.js", "--demo"], env);
  return [
    {
      name: `Start-up to initialize answer, configured (median of ${RUNS})`,
      ours,
      baseline: floor,
      unit: "ms",
      ratio: ours / floor,
      target: "<= 1.3 x minimal SDK server",
      pass: ours / floor <= 1.3,
    },
    {
      name: `Start-up to initialize answer, --demo (embedded emulator, median of ${RUNS})`,
      ours: demo,
      baseline: floor,
      unit: "ms",
      ratio: demo / floor,
      target: "informational",
      pass: true,
    },
  ];
}
