// The Chat backend a server talks to: the configured Tencent app, or (with --demo) the embedded
// emulator started in-process on a free loopback port, with real signatures it verifies.
import { type ChatCaller, unconfiguredCaller } from "../chat/api.js";
import { type ChatClient, createChatClient } from "../chat/client.js";
import type { LimiterMode, RateLimiters } from "../chat/rate-limiters.js";
import { type Config, missingConfiguration } from "../config/load.js";
import type { Logger } from "../core/logger.js";
import { memoryLedger, redisLedger, type WriteLedger } from "../core/write-ledger.js";
import type { ServerApp } from "./apps.js";

export interface Backend {
  chat: ChatCaller;
  /** The effective configuration (demo mode fills in the emulator's URL and credentials). */
  config: Config;
  /** Spent confirm tokens and the write budget: in Redis when replicas share the app, else in memory. */
  ledger: WriteLedger;
  /** What /healthz reports besides ok. */
  health(): { limiter: LimiterMode | "none" };
  close(): Promise<void>;
}

/** The shared Redis budget when configured (ioredis loads only then); undefined = local buckets. */
async function openRateLimiters(config: Config, logger: Logger): Promise<RateLimiters | undefined> {
  if (!config.redisUrl || config.sdkAppId === undefined) return undefined;
  const password = new URL(config.redisUrl).password;
  if (password) logger.addSecret(decodeURIComponent(password));
  const { SharedRateLimiters } = await import("../chat/shared-rate-limiter.js");
  return SharedRateLimiters.create({
    url: config.redisUrl,
    sdkAppId: config.sdkAppId,
    limits: config.rateLimits,
    replicas: config.replicas,
    onNotice: (m) => logger.log("warning", m),
  });
}

/** The write ledger of the app: shared through Redis when configured, so a token is spent on every replica. */
async function openLedger(config: Config): Promise<WriteLedger> {
  if (!config.redisUrl || config.sdkAppId === undefined) return memoryLedger();
  return redisLedger({ url: config.redisUrl, sdkAppId: config.sdkAppId });
}

function healthOf(chat: ChatClient): Backend["health"] {
  return () => ({ limiter: chat.rateLimiters.mode() });
}

export async function openBackend(
  config: Config,
  logger: Logger,
  /** Which demo app to serve under --demo: the main demo data, or the second app's own groups. */
  demoApp: "demo" | "demo-intl" = "demo",
): Promise<Backend> {
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
    const { startEmulator, DEMO_GROUP_LIST_PAGE_CAP, DEMO_INTL_APP, DEMO_INTL_GROUPS } = await import(
      "../emulator/index.js"
    );
    const intl = demoApp === "demo-intl";
    const emu = await startEmulator(
      intl
        ? { port: 0, app: DEMO_INTL_APP, dataset: "empty" }
        : { port: 0, groupListPageCap: DEMO_GROUP_LIST_PAGE_CAP },
    );
    if (intl) emu.control.addGroups([...DEMO_INTL_GROUPS]);
    const demoConfig: Config = Object.freeze({
      ...config,
      sdkAppId: emu.credentials.sdkAppId,
      identifier: emu.credentials.identifier,
      credentials: { kind: "secretKey", secretKey: emu.credentials.secretKey } as const,
      baseUrl: emu.url,
      standbyBaseUrl: undefined,
    });
    logger.log("info", `DEMO MODE: serving demo data from the embedded emulator at ${emu.url} (not your real groups).`);
    const chat = createChatClient(demoConfig, { ...hooks, rateLimiters: await openRateLimiters(demoConfig, logger) });
    const ledger = await openLedger(demoConfig);
    return {
      chat,
      config: demoConfig,
      ledger,
      health: healthOf(chat),
      close: async () => {
        await chat.close();
        await ledger.close();
        await emu.stop();
      },
    };
  }
  const missing = missingConfiguration(config);
  if (missing) {
    logger.log("warning", missing);
    return {
      chat: unconfiguredCaller(missing),
      config,
      ledger: memoryLedger(),
      health: () => ({ limiter: "none" }),
      close: async () => undefined,
    };
  }
  if (config.credentials?.kind === "secretKey") logger.addSecret(config.credentials.secretKey);
  if (config.credentials?.kind === "userSig") logger.addSecret(config.credentials.userSig);
  const chat = createChatClient(config, { ...hooks, rateLimiters: await openRateLimiters(config, logger) });
  const ledger = await openLedger(config);
  return {
    chat,
    config,
    ledger,
    health: healthOf(chat),
    close: async () => {
      await chat.close();
      await ledger.close();
    },
  };
}

/** Every app the server serves: the one of the single-app settings, or each profile's. */
export interface AppsBackend {
  apps: ServerApp[];
  defaultName: string;
  /** What tool selection reads: write tools are listed when any app allows writes. */
  selection: Config;
  health(): Record<string, unknown>;
  close(): Promise<void>;
}

export async function openApps(
  config: Config,
  input: { argv: string[]; env: NodeJS.ProcessEnv },
  logger: Logger,
): Promise<AppsBackend> {
  if (!config.profilesPath) {
    const b = await openBackend(config, logger);
    return {
      apps: [{ name: "default", chat: b.chat, config: b.config, ledger: b.ledger }],
      defaultName: "default",
      selection: config,
      health: b.health,
      close: b.close,
    };
  }
  // --demo --profiles demo: the two built-in demo apps, each on an emulator of its own.
  const { defaultName, apps: profiles } =
    config.demo && config.profilesPath === "demo"
      ? {
          defaultName: "demo",
          apps: [
            { name: "demo", config, demo: "demo" as const },
            { name: "demo-intl", config, demo: "demo-intl" as const },
          ],
        }
      : (await import("../config/profiles.js")).loadProfiles(config.profilesPath, { ...input, config }, (m) =>
          logger.log("warning", m),
        );
  const backends: Backend[] = [];
  try {
    for (const p of profiles) backends.push(await openBackend(p.config, logger, "demo" in p ? p.demo : undefined));
  } catch (err) {
    for (const b of backends) await b.close().catch(() => undefined);
    throw err;
  }
  const apps = profiles.map((p, i) => ({
    name: p.name,
    chat: backends[i]!.chat,
    config: backends[i]!.config,
    ledger: backends[i]!.ledger,
  }));
  const anyWrites = apps.some((a) => a.config.enableWrites && !a.config.readOnly);
  logger.log(
    "info",
    `serving ${apps.length} Chat apps: ${apps.map((a) => `${a.name} (SDKAppID ${a.config.sdkAppId ?? "?"})`).join(", ")}; default ${defaultName}`,
  );
  return {
    apps,
    defaultName,
    selection: Object.freeze({ ...config, enableWrites: anyWrites, readOnly: false }),
    // /healthz: each app's limiter.
    health: () => ({ apps: Object.fromEntries(apps.map((a, i) => [a.name, backends[i]!.health()])) }),
    close: async () => {
      for (const b of backends) await b.close().catch(() => undefined);
    },
  };
}
