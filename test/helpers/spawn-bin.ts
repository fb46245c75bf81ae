// Spawning the built bin as a host would, for the end-to-end tests.
import { type ChildProcess, spawn } from "node:child_process";

export const BIN = "dist/index.js";

/** The environment without any TENCENT_CHAT_ variable of the machine running the tests. */
export const cleanEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => v !== undefined && !k.startsWith("TENCENT_CHAT_")),
  ) as Record<string, string>;

/** The environment that points the bin at an emulator (its URL and demo credentials). */
export function emulatorEnv(emu: {
  url: string;
  credentials: { sdkAppId: number; identifier: string; secretKey: string };
}): Record<string, string> {
  const c = emu.credentials;
  return {
    TENCENT_CHAT_SDKAPPID: String(c.sdkAppId),
    TENCENT_CHAT_SECRET_KEY: c.secretKey,
    TENCENT_CHAT_IDENTIFIER: c.identifier,
    TENCENT_CHAT_BASE_URL: emu.url,
  };
}

/** Starts the bin with the HTTP transport on a free port and resolves with the /mcp URL it logs. */
export async function startHttp(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ proc: ChildProcess; url: string; stderr: () => string }> {
  const proc = spawn(process.execPath, [BIN, "--transport", "http", "--port", "0", ...args], {
    env: { ...cleanEnv(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  proc.stderr!.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no URL in time: ${err}`)), 15_000);
    proc.stderr!.on("data", () => {
      const m = /endpoint: (http:\/\/\S+\/mcp)/.exec(err);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
    proc.on("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  return { proc, url, stderr: () => err };
}
