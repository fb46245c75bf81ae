// Parse flags and environment once at start-up into one validated, frozen Config.
// Wrong values stop start-up with a message naming the variable, the flag, and a right example;
// missing credentials do not (the server starts and tools answer with missingConfiguration()).
import { inspect, parseArgs } from "node:util";
import type { z } from "zod";
import { API_NAMES, type ApiName } from "../chat/apis/index.js";
import { ConfigurationError } from "../chat/errors.js";
import { USER_ID_RULE } from "../chat/ids.js";
import { REGION_DOMAINS, REGIONS, type Region } from "../chat/regions.js";
import { TOOLSET_KEYWORDS, TOOLSET_NAMES, type ToolsetName } from "../tools/toolset-names.js";
import { type ConfigOption, optionByFlag, type ParseArgsOptionsConfig, parseArgsOptions } from "./options.js";
import {
  baseUrlValue,
  booleanValue,
  DEFAULT_WRITE_BUDGET,
  integerValue,
  oneOfValue,
  rateLimitsValue,
  redisUrlValue,
  sdkAppIdValue,
  type WriteBudget,
  writeBudgetValue,
} from "./values.js";

export { CONFIG_OPTIONS, renderHelp } from "./options.js";

export type Credentials = { kind: "secretKey"; secretKey: string } | { kind: "userSig"; userSig: string };
/** A toolset's name, or "default" (the toolsets listed without flags), or "all". */
export type ToolsetChoice = ToolsetName | (typeof TOOLSET_KEYWORDS)[number];
export type LogLevelName = "debug" | "info" | "warning" | "error";

export interface Config {
  sdkAppId?: number;
  credentials?: Credentials;
  identifier: string;
  region?: Region;
  baseUrl?: string;
  standbyBaseUrl?: string;
  timeoutMs: number;
  rateLimits: { default: number; perApi: Partial<Record<ApiName, number>> };
  maxAttempts: number;
  /** Redis holding the shared rate budget (replicas); unset = local buckets. */
  redisUrl?: string;
  replicas: number;
  enableWrites: boolean;
  readOnly: boolean;
  /** Writes above these counts need a dry run's confirm_token. */
  confirmAbove: { accounts: number; messages: number };
  /** Unconfirmed writes allowed per app over a sliding window. */
  writeBudget: WriteBudget;
  confirmWith: "token" | "elicitation" | "either";
  /** Append-only JSON-lines audit file; unset = MCP log notifications. */
  auditLog?: string;
  /** A profiles file (several apps); "demo" with --demo: the two built-in demo apps. */
  profilesPath?: string;
  toolsets: ToolsetChoice[];
  /** Start with the selected toolsets and let the agent enable more (list_toolsets / enable_toolsets). */
  dynamicToolsets: boolean;
  tools?: string[];
  demo: boolean;
  transport: "stdio" | "http";
  host: string;
  port: number;
  mcpToken?: string;
  logLevel: LogLevelName;
  help: boolean;
  version: boolean;
}

export interface LoadedConfig {
  config: Config;
  positionals: string[];
  extra: Record<string, string | boolean | undefined>;
}

function fail(option: ConfigOption, problem: string): never {
  const where = option.env ? `${option.env} (--${option.flag})` : `--${option.flag}`;
  throw new ConfigurationError(`${where}: ${problem}. Example of a right value: ${option.example}`);
}

/** Hides secrets from JSON.stringify, console/util.inspect and template strings. */
function secretBox<T extends object>(value: T, label: string): T {
  const redacted = `[${label} redacted]`;
  Object.defineProperties(value, {
    toJSON: { value: () => redacted, enumerable: false },
    [inspect.custom]: { value: () => redacted, enumerable: false },
    toString: { value: () => redacted, enumerable: false },
  });
  return value;
}

/** The option's value read with its rule; empty or unset is the fallback; a wrong value stops start-up. */
function read<T>(option: ConfigOption, rule: z.ZodType<T, string>, raw: string | undefined, fallback: T): T {
  if (raw === undefined || raw.trim() === "") return fallback;
  const r = rule.safeParse(raw);
  if (!r.success) fail(option, r.error.issues[0]?.message ?? "the value is invalid");
  return r.data;
}

function readBool(option: ConfigOption, raw: string | boolean | undefined, fallback: boolean): boolean {
  return typeof raw === "boolean" ? raw : read(option, booleanValue, raw, fallback);
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function loadConfig(input: {
  argv: string[];
  env: NodeJS.ProcessEnv;
  extraOptions?: ParseArgsOptionsConfig;
}): LoadedConfig {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: input.argv,
      options: { ...parseArgsOptions(), ...input.extraOptions },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new ConfigurationError(`${msg}. Run with --help to list the options.`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const raw = (flag: string): string | boolean | undefined => {
    if (values[flag] !== undefined) return values[flag];
    const env = optionByFlag(flag).env;
    const v = env ? input.env[env] : undefined;
    return v === undefined || v === "" ? undefined : v;
  };
  const str = (flag: string): string | undefined => {
    const v = raw(flag);
    return typeof v === "string" ? v : undefined;
  };
  const opt = optionByFlag;

  const sdkAppId = read<number | undefined>(opt("sdkappid"), sdkAppIdValue, str("sdkappid"), undefined);

  const secretKey = str("secret-key")?.trim();
  const userSig = str("usersig")?.trim();
  if (secretKey && userSig)
    throw new ConfigurationError(
      "Both TENCENT_CHAT_SECRET_KEY (--secret-key) and TENCENT_CHAT_USERSIG (--usersig) are set; set only one. " +
        "The secret key is preferred: the server then renews its own UserSig before it expires.",
    );
  const credentials: Credentials | undefined = secretKey
    ? secretBox<Credentials>({ kind: "secretKey", secretKey }, "secret key")
    : userSig
      ? secretBox<Credentials>({ kind: "userSig", userSig }, "UserSig")
      : undefined;

  const identifier = (str("identifier") ?? "administrator").trim();
  if (!USER_ID_RULE.pattern.test(identifier)) fail(opt("identifier"), `"${identifier}" is not ${USER_ID_RULE.text}`);

  const regionRaw = str("region");
  const region = read<Region | undefined>(opt("region"), oneOfValue(REGIONS), regionRaw, undefined);
  let baseUrl = read<string | undefined>(opt("base-url"), baseUrlValue, str("base-url"), undefined);
  let standbyBaseUrl: string | undefined;
  if (!baseUrl && region) {
    const domains = REGION_DOMAINS[region];
    baseUrl = `https://${domains.primary}`;
    standbyBaseUrl = domains.standby ? `https://${domains.standby}` : undefined;
  }

  const toolsets = (str("toolsets") ?? "default")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) =>
      read<ToolsetChoice>(opt("toolsets"), oneOfValue([...TOOLSET_NAMES, ...TOOLSET_KEYWORDS]), s, "default"),
    );
  const toolsRaw = str("tools");
  const tools = toolsRaw
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

  const host = (str("host") ?? "127.0.0.1").trim();
  const mcpToken = str("mcp-token")?.trim();

  const config: Config = {
    sdkAppId,
    credentials,
    identifier,
    region,
    baseUrl,
    standbyBaseUrl,
    timeoutMs: read(opt("timeout-ms"), integerValue(100, 300_000), str("timeout-ms"), 10_000),
    rateLimits: {
      default: read(opt("rate-limit"), integerValue(1, 100_000), str("rate-limit"), 200),
      perApi: read(opt("rate-limits"), rateLimitsValue(API_NAMES), str("rate-limits"), {}),
    },
    maxAttempts: read(opt("max-attempts"), integerValue(1, 10), str("max-attempts"), 4),
    redisUrl: read<string | undefined>(opt("redis-url"), redisUrlValue, str("redis-url"), undefined),
    replicas: read(opt("replicas"), integerValue(1, 1000), str("replicas"), 1),
    enableWrites: readBool(opt("enable-writes"), raw("enable-writes"), false),
    readOnly: readBool(opt("read-only"), raw("read-only"), false),
    confirmAbove: {
      accounts: read(opt("confirm-above"), integerValue(0, 100_000), str("confirm-above"), 20),
      messages: read(opt("confirm-above-messages"), integerValue(0, 100_000), str("confirm-above-messages"), 10),
    },
    writeBudget: read(opt("write-budget"), writeBudgetValue, str("write-budget"), DEFAULT_WRITE_BUDGET),
    confirmWith: read(
      opt("confirm-with"),
      oneOfValue(["token", "elicitation", "either"] as const),
      str("confirm-with"),
      "either",
    ),
    auditLog: str("audit-log")?.trim() || undefined,
    profilesPath: str("profiles")?.trim() || undefined,
    toolsets: toolsets.length > 0 ? toolsets : ["default"],
    dynamicToolsets: readBool(opt("dynamic-toolsets"), raw("dynamic-toolsets"), false),
    tools: tools && tools.length > 0 ? tools : undefined,
    demo: readBool(opt("demo"), raw("demo"), false),
    transport: read(opt("transport"), oneOfValue(["stdio", "http"] as const), str("transport"), "stdio"),
    host,
    port: read(opt("port"), integerValue(0, 65_535), str("port"), 3333),
    mcpToken: mcpToken || undefined,
    logLevel: read(
      opt("log-level"),
      oneOfValue(["debug", "info", "warning", "error"] as const),
      str("log-level"),
      "info",
    ),
    help: values.help === true,
    version: values.version === true,
  };
  if (config.transport === "http" && !isLoopbackHost(host) && !config.mcpToken)
    fail(
      opt("mcp-token"),
      `the HTTP transport binds ${host}, which is not a loopback address, so a bearer token is required`,
    );

  const extra: Record<string, string | boolean | undefined> = {};
  for (const key of Object.keys(input.extraOptions ?? {})) extra[key] = values[key];
  return { config: Object.freeze(config), positionals: parsed.positionals, extra };
}

/** The configuration error every API tool answers with when the backend is not configured. */
export function missingConfiguration(config: Config): string | undefined {
  if (config.demo) return undefined;
  const missing: string[] = [];
  if (config.sdkAppId === undefined) missing.push("TENCENT_CHAT_SDKAPPID (--sdkappid)");
  if (!config.credentials) missing.push("TENCENT_CHAT_SECRET_KEY (--secret-key), or TENCENT_CHAT_USERSIG (--usersig)");
  if (!config.baseUrl) missing.push(`TENCENT_CHAT_REGION (--region: ${REGIONS.join(", ")}) or TENCENT_CHAT_BASE_URL`);
  if (missing.length === 0) return undefined;
  return (
    `The Tencent Chat backend is not configured. Set ${missing.join("; ")}. ` +
    "To try every tool without credentials, restart the server with --demo (TENCENT_CHAT_DEMO=true): " +
    "it runs against the embedded emulator with demo data."
  );
}
