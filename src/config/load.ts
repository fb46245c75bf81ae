// Parse flags and environment once at start-up into one validated, frozen Config.
// Wrong values stop start-up with a message naming the variable, the flag, and a right example;
// missing credentials do not (the server starts and tools answer with missingConfiguration()).
import { inspect, parseArgs } from "node:util";
import { z } from "zod";
import { API_NAMES, type ApiName } from "../chat/apis/index.js";
import { ConfigurationError } from "../chat/errors.js";
import { USER_ID_RULE } from "../chat/ids.js";
import { REGION_DOMAINS, REGIONS, type Region } from "../chat/regions.js";
import { type ConfigOption, optionByFlag, type ParseArgsOptionsConfig, parseArgsOptions } from "./options.js";

export { CONFIG_OPTIONS, renderHelp } from "./options.js";

export type Credentials = { kind: "secretKey"; secretKey: string } | { kind: "userSig"; userSig: string };
export type ToolsetName = "raw" | "aggregate" | "moderation" | "all";
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
  /** Append-only JSON-lines audit file; unset = MCP log notifications. */
  auditLog?: string;
  toolsets: ToolsetName[];
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

const TRUE = new Set(["true", "1", "yes", "on"]);
const FALSE = new Set(["false", "0", "no", "off", ""]);

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

function parseBool(option: ConfigOption, raw: string | boolean | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (typeof raw === "boolean") return raw;
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return fail(option, `"${raw}" is not a boolean (use true or false)`);
}

function parseInteger(
  option: ConfigOption,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < min || n > max) fail(option, `"${raw}" is not an integer between ${min} and ${max}`);
  return n;
}

const HttpUrl = z.url({ protocol: /^https?$/ });

function parseBaseUrl(option: ConfigOption, raw: string): string {
  const trimmed = raw.trim().replace(/\/+$/, "");
  if (!HttpUrl.safeParse(trimmed).success) fail(option, `"${raw}" is not an http(s)://host[:port] URL`);
  const u = new URL(trimmed);
  if (u.search || u.hash || u.username || u.password)
    fail(option, "the URL must not carry a query, fragment or credentials");
  return trimmed;
}

function parseRedisUrl(option: ConfigOption, raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  if (!trimmed) return undefined;
  let u: URL | undefined;
  try {
    u = new URL(trimmed);
  } catch {
    u = undefined;
  }
  // Never echo the value: it may carry a password.
  if (!u || (u.protocol !== "redis:" && u.protocol !== "rediss:") || !u.hostname)
    fail(option, "the value is not a redis:// or rediss:// URL");
  return trimmed;
}

function parseRateLimits(option: ConfigOption, raw: string | undefined): Partial<Record<ApiName, number>> {
  const out: Partial<Record<ApiName, number>> = {};
  if (!raw?.trim()) return out;
  for (const part of raw.split(",")) {
    const [name, value] = part.split("=").map((s) => s.trim());
    if (!name || !(API_NAMES as readonly string[]).includes(name))
      fail(option, `"${name ?? part}" is not an API name (one of ${API_NAMES.join(", ")})`);
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > 100_000) fail(option, `rate for ${name} must be a positive number`);
    out[name as ApiName] = n;
  }
  return out;
}

function oneOf<T extends string>(option: ConfigOption, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw.trim() === "") return fallback;
  const v = raw.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) fail(option, `"${raw}" is not one of ${allowed.join(", ")}`);
  return v as T;
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

  const sdkAppIdRaw = str("sdkappid")?.trim();
  let sdkAppId: number | undefined;
  if (sdkAppIdRaw !== undefined) {
    // The HMAC uses the decimal string, the JSON the number: a leading zero would make them differ.
    if (!/^[1-9]\d{0,11}$/.test(sdkAppIdRaw)) fail(opt("sdkappid"), `"${sdkAppIdRaw}" is not a numeric SDKAppID`);
    sdkAppId = Number(sdkAppIdRaw);
  }

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
  const region = regionRaw === undefined ? undefined : oneOf<Region>(opt("region"), regionRaw, REGIONS, "china");
  const baseUrlRaw = str("base-url");
  let baseUrl = baseUrlRaw === undefined ? undefined : parseBaseUrl(opt("base-url"), baseUrlRaw);
  let standbyBaseUrl: string | undefined;
  if (!baseUrl && region) {
    const domains = REGION_DOMAINS[region];
    baseUrl = `https://${domains.primary}`;
    standbyBaseUrl = domains.standby ? `https://${domains.standby}` : undefined;
  }

  const toolsetsRaw = str("toolsets") ?? "all";
  const toolsets = toolsetsRaw
    .split(",")
    .map((s) => oneOf<ToolsetName>(opt("toolsets"), s, ["raw", "aggregate", "moderation", "all"], "all"));
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
    timeoutMs: parseInteger(opt("timeout-ms"), str("timeout-ms"), 10_000, 100, 300_000),
    rateLimits: {
      default: parseInteger(opt("rate-limit"), str("rate-limit"), 200, 1, 100_000),
      perApi: parseRateLimits(opt("rate-limits"), str("rate-limits")),
    },
    maxAttempts: parseInteger(opt("max-attempts"), str("max-attempts"), 4, 1, 10),
    redisUrl: parseRedisUrl(opt("redis-url"), str("redis-url")),
    replicas: parseInteger(opt("replicas"), str("replicas"), 1, 1, 1000),
    enableWrites: parseBool(opt("enable-writes"), raw("enable-writes"), false),
    readOnly: parseBool(opt("read-only"), raw("read-only"), false),
    confirmAbove: {
      accounts: parseInteger(opt("confirm-above"), str("confirm-above"), 20, 0, 100_000),
      messages: parseInteger(opt("confirm-above-messages"), str("confirm-above-messages"), 10, 0, 100_000),
    },
    auditLog: str("audit-log")?.trim() || undefined,
    toolsets,
    tools: tools && tools.length > 0 ? tools : undefined,
    demo: parseBool(opt("demo"), raw("demo"), false),
    transport: oneOf(opt("transport"), str("transport"), ["stdio", "http"] as const, "stdio"),
    host,
    port: parseInteger(opt("port"), str("port"), 3333, 0, 65_535),
    mcpToken: mcpToken || undefined,
    logLevel: oneOf(opt("log-level"), str("log-level"), ["debug", "info", "warning", "error"] as const, "info"),
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
