// Memory stays flat as groups grow: peak RSS of the server process (spawned bin over stdio) while it
// summarises the 100,000- and the 1,000,000-member emulator communities, and the summary's text size.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { DEMO_GROUP_IDS, startEmulator } from "../../src/emulator/index.js";
import type { Row } from "../run.js";

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function summarizeInChild(
  url: string,
  cred: { sdkAppId: number; identifier: string; secretKey: string },
  groupId: string,
) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      "dist/index.js",
      "--base-url",
      url,
      "--sdkappid",
      String(cred.sdkAppId),
      "--identifier",
      cred.identifier,
      "--rate-limit",
      "50000",
    ],
    env: { ...(process.env as Record<string, string>), TENCENT_CHAT_SECRET_KEY: cred.secretKey },
    stderr: "ignore",
  });
  const client = new Client({ name: "bench-memory", version: "1" });
  await client.connect(transport);
  const t = performance.now();
  const r = await client.callTool(
    { name: "summarize_group_members", arguments: { group_id: groupId, max_seconds: 300 } },
    undefined,
    { timeout: 600_000 },
  );
  const ms = performance.now() - t;
  const pid = transport.pid!;
  const rss = peakRssMb(pid);
  const text = ((r.content ?? []) as { text?: string }[]).map((c) => c.text ?? "").join("");
  const s = r.structuredContent as { scanned: number; complete: boolean };
  await client.close();
  return {
    rss,
    textBytes: Buffer.byteLength(text),
    jsonBytes: Buffer.byteLength(JSON.stringify(r.structuredContent)),
    scanned: s.scanned,
    complete: s.complete,
    ms,
  };
}

export async function run(): Promise<Row[]> {
  const emu = await startEmulator({ port: 0, callsPerSecond: 1_000_000 });
  try {
    const small = await summarizeInChild(emu.url, emu.credentials, DEMO_GROUP_IDS.community100k);
    const big = await summarizeInChild(emu.url, emu.credentials, DEMO_GROUP_IDS.community1m);
    const note = `100k: ${small.scanned} members in ${(small.ms / 1000).toFixed(1)} s; 1M: ${big.scanned} members in ${(big.ms / 1000).toFixed(1)} s, complete=${big.complete}`;
    return [
      {
        name: "Peak RSS of the server summarising 1,000,000 members (baseline: 100,000)",
        ours: big.rss,
        baseline: small.rss,
        unit: "MB",
        ratio: big.rss / small.rss,
        target: "<= 1.5 for 10x the members (holding 1M members would add > 300 MB)",
        pass: big.complete && big.rss / small.rss <= 1.5,
        note,
      },
      {
        name: "Summary text size, 1,000,000 vs 100,000 members",
        ours: big.textBytes,
        baseline: small.textBytes,
        unit: "bytes",
        ratio: big.textBytes / small.textBytes,
        target: "<= 1.1 (does not grow)",
        pass: big.textBytes / small.textBytes <= 1.1,
        note: `structured: ${big.jsonBytes} vs ${small.jsonBytes} bytes`,
      },
    ];
  } finally {
    await emu.stop();
  }
}
