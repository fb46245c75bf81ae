// The Chat backend a server talks to: the configured Tencent app, or (with --demo) the embedded
// emulator started in-process on a free loopback port, with real signatures it verifies.
import type { ChatGroupApi } from "../chat/api.js";
import { createChatClient } from "../chat/client.js";
import { type Config, missingConfiguration } from "../config/load.js";
import type { Logger } from "../core/logger.js";
import { unconfiguredChat } from "./server.js";

export interface Backend {
  chat: ChatGroupApi;
  /** The effective configuration (demo mode fills in the emulator's URL and credentials). */
  config: Config;
  close(): Promise<void>;
}

export async function openBackend(config: Config, logger: Logger): Promise<Backend> {
  const hooks = {
    onNotice: (m: string) => logger.log("warning", m),
    onCall: (e: { api: string; attempt: number; outcome: string; errorCode?: number; retryInMs?: number }) => {
      if (e.outcome !== "ok")
        logger.log(
          "debug",
          `call ${e.api} attempt ${e.attempt}: ${e.outcome}${e.errorCode ? ` ${e.errorCode}` : ""}${e.retryInMs !== undefined ? `, retrying in ${e.retryInMs} ms` : ""}`,
        );
    },
  };
  if (config.demo) {
    // Imported lazily: only demo mode pays for loading the emulator.
    const { startEmulator } = await import("../emulator/index.js");
    const emu = await startEmulator({ port: 0 });
    const demoConfig: Config = Object.freeze({
      ...config,
      sdkAppId: emu.credentials.sdkAppId,
      identifier: emu.credentials.identifier,
      credentials: { kind: "secretKey", secretKey: emu.credentials.secretKey } as const,
      baseUrl: emu.url,
      standbyBaseUrl: undefined,
    });
    logger.log("info", `DEMO MODE: serving demo data from the embedded emulator at ${emu.url} (not your real groups).`);
    const chat = createChatClient(demoConfig, hooks);
    return {
      chat,
      config: demoConfig,
      close: async () => {
        await chat.close();
        await emu.stop();
      },
    };
  }
  const missing = missingConfiguration(config);
  if (missing) {
    logger.log("warning", missing);
    return { chat: unconfiguredChat(missing), config, close: async () => undefined };
  }
  if (config.credentials?.kind === "secretKey") logger.addSecret(config.credentials.secretKey);
  if (config.credentials?.kind === "userSig") logger.addSecret(config.credentials.userSig);
  const chat = createChatClient(config, hooks);
  return { chat, config, close: () => chat.close() };
}
