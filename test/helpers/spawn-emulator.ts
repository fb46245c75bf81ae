// Starts test/helpers/emulator-process.ts and reads its statistics over its control endpoint.
import { spawn } from "node:child_process";
import type { EmulatorStats } from "../../src/emulator/index.js";

export interface EmulatorProcess {
  url: string;
  credentials: { sdkAppId: number; identifier: string; secretKey: string };
  stats(): Promise<EmulatorStats>;
  stop(): Promise<void>;
}

export async function spawnEmulator(callsPerSecond: number): Promise<EmulatorProcess> {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", "test/helpers/emulator-process.ts", String(callsPerSecond)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const info = await new Promise<{ url: string; sdkAppId: number; identifier: string; secretKey: string }>(
    (resolve, reject) => {
      let out = "";
      proc.once("exit", (code) => reject(new Error(`emulator process exited ${code}`)));
      proc.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0]!));
      });
    },
  );
  return {
    url: info.url,
    credentials: { sdkAppId: info.sdkAppId, identifier: info.identifier, secretKey: info.secretKey },
    stats: async () => (await (await fetch(`${info.url}/_emulator/stats`)).json()) as EmulatorStats,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}
