// The one table of configuration options: parsing, --help and the README table all come from it.
import type { ParseArgsConfig } from "node:util";
import { DEFAULT_TOOLSETS, TOOLSET_NAMES } from "../tools/toolset-names.js";

export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export interface ConfigOption {
  /** CLI flag without dashes. */
  flag: string;
  /** Environment variable, when the option has one. */
  env?: string;
  type: "string" | "boolean";
  meaning: string;
  defaultText?: string;
  example: string;
  secret?: boolean;
  /** Needed to serve a real app (everything works without it under --demo); the MCP Registry entry says so. */
  required?: boolean;
}

export const CONFIG_OPTIONS: readonly ConfigOption[] = [
  {
    flag: "sdkappid",
    env: "TENCENT_CHAT_SDKAPPID",
    type: "string",
    meaning: "The app's SDKAppID (from the Chat console).",
    example: "1400000000",
    required: true,
  },
  {
    flag: "secret-key",
    env: "TENCENT_CHAT_SECRET_KEY",
    type: "string",
    meaning: "The app's secret key; the server signs its own admin UserSig with it.",
    example: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
    secret: true,
  },
  {
    flag: "usersig",
    env: "TENCENT_CHAT_USERSIG",
    type: "string",
    meaning: "Alternative to the secret key: a pre-generated UserSig for the admin identifier.",
    example: "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy...",
    secret: true,
  },
  {
    flag: "identifier",
    env: "TENCENT_CHAT_IDENTIFIER",
    type: "string",
    meaning: "The App admin account used as `identifier`.",
    defaultText: "administrator",
    example: "administrator",
  },
  {
    flag: "region",
    env: "TENCENT_CHAT_REGION",
    type: "string",
    meaning:
      "Data-center region of the app: china, singapore, seoul, tokyo, frankfurt, mumbai, silicon-valley, jakarta, riyadh.",
    example: "singapore",
  },
  {
    flag: "base-url",
    env: "TENCENT_CHAT_BASE_URL",
    type: "string",
    meaning: "Overrides the region: any http(s)://host[:port] (the emulator, a proxy, a standby domain).",
    example: "http://127.0.0.1:9000",
  },
  {
    flag: "timeout-ms",
    env: "TENCENT_CHAT_TIMEOUT_MS",
    type: "string",
    meaning: "Per-request timeout in milliseconds.",
    defaultText: "10000",
    example: "10000",
  },
  {
    flag: "rate-limit",
    env: "TENCENT_CHAT_RATE_LIMIT",
    type: "string",
    meaning: "Client-side calls per second per API (Tencent's default limit is 200/s).",
    defaultText: "200",
    example: "200",
  },
  {
    flag: "rate-limits",
    env: "TENCENT_CHAT_RATE_LIMITS",
    type: "string",
    meaning: "Per-API overrides of the rate limit, for APIs with bought frequency packs.",
    example: "get_group_info=300,get_group_member_info=300",
  },
  {
    flag: "max-attempts",
    env: "TENCENT_CHAT_MAX_ATTEMPTS",
    type: "string",
    meaning: "Attempts per request for retryable failures (transient codes, 5xx, resets, timeouts).",
    defaultText: "4",
    example: "4",
  },
  {
    flag: "redis-url",
    env: "TENCENT_CHAT_REDIS_URL",
    type: "string",
    meaning:
      "Redis (or Valkey) shared by several replicas: the per-API rate budget of the app is kept there, so all replicas together stay within Tencent's limits.",
    example: "redis://127.0.0.1:6379",
    secret: true,
  },
  {
    flag: "replicas",
    env: "TENCENT_CHAT_REPLICAS",
    type: "string",
    meaning: "How many replicas share the app: while Redis is unreachable each one uses limit ÷ replicas.",
    defaultText: "1",
    example: "3",
  },
  {
    flag: "enable-writes",
    env: "TENCENT_CHAT_ENABLE_WRITES",
    type: "boolean",
    meaning: "List the write tools of the selected toolsets. The server is read-only by default.",
    defaultText: "false",
    example: "true",
  },
  {
    flag: "read-only",
    env: "TENCENT_CHAT_READ_ONLY",
    type: "boolean",
    meaning: "Never list write tools, whatever else is set.",
    defaultText: "false",
    example: "true",
  },
  {
    flag: "confirm-above",
    env: "TENCENT_CHAT_CONFIRM_ABOVE",
    type: "string",
    meaning:
      "Writes on more accounts than this at once (mutes, removals, bans, member marks) need a confirmation: a dry run's confirm_token, or a person's answer.",
    defaultText: "20",
    example: "50",
  },
  {
    flag: "confirm-above-messages",
    env: "TENCENT_CHAT_CONFIRM_ABOVE_MESSAGES",
    type: "string",
    meaning:
      "Recalls of more messages than this at once need a confirmation: a dry run's confirm_token, or a person's answer.",
    defaultText: "10",
    example: "20",
  },
  {
    flag: "write-budget",
    env: "TENCENT_CHAT_WRITE_BUDGET",
    type: "string",
    meaning:
      "Writes without a confirmation, per app over a sliding window: past it every write needs one until the window frees up. Confirmed writes count but are never blocked.",
    defaultText: "accounts=100,messages=50,window=600",
    example: "accounts=200,messages=100,window=900",
  },
  {
    flag: "confirm-with",
    env: "TENCENT_CHAT_CONFIRM_WITH",
    type: "string",
    meaning:
      "How a write that needs confirmation is confirmed: token (a dry run's confirm_token), elicitation (a person answers the host's prompt), or either (elicitation where the client supports it over stdio, else the token).",
    defaultText: "either",
    example: "token",
  },
  {
    flag: "audit-log",
    env: "TENCENT_CHAT_AUDIT_LOG",
    type: "string",
    meaning:
      "File to append one JSON line to for every write call, dry run, refusal and failure (without it: MCP log notifications at notice level). Checked at start; a write whose line cannot be written is refused.",
    example: "/var/log/tencent-chat-mcp/audit.jsonl",
  },
  {
    flag: "toolsets",
    env: "TENCENT_CHAT_TOOLSETS",
    type: "string",
    meaning: `Which toolsets to list, comma-separated: ${TOOLSET_NAMES.join(", ")}; default (${DEFAULT_TOOLSETS.join(",")}) or all.`,
    defaultText: "default",
    example: "default,live",
  },
  {
    flag: "dynamic-toolsets",
    env: "TENCENT_CHAT_DYNAMIC_TOOLSETS",
    type: "boolean",
    meaning:
      "Start with the selected toolsets plus list_toolsets / enable_toolsets, with which the agent lists more tools when it needs them.",
    defaultText: "false",
    example: "true",
  },
  {
    flag: "tools",
    env: "TENCENT_CHAT_TOOLS",
    type: "string",
    meaning: "Explicit comma-separated list of tool names to list.",
    example: "get_group_info,summarize_group_members",
  },
  {
    flag: "profiles",
    env: "TENCENT_CHAT_PROFILES",
    type: "string",
    meaning:
      'A JSON file of named Chat apps ({"default": "prod", "profiles": {"prod": {...}, "staging": {...}}}); every tool then takes app. With --demo, "demo" serves two demo apps.',
    example: "/etc/tencent-chat-mcp/profiles.json",
  },
  {
    flag: "demo",
    env: "TENCENT_CHAT_DEMO",
    type: "boolean",
    meaning: "Run against the embedded emulator with demo data (no credentials needed).",
    defaultText: "false",
    example: "true",
  },
  {
    flag: "transport",
    env: "TENCENT_CHAT_TRANSPORT",
    type: "string",
    meaning: "MCP transport: stdio or http (Streamable HTTP at /mcp).",
    defaultText: "stdio",
    example: "http",
  },
  {
    flag: "host",
    env: "TENCENT_CHAT_HTTP_HOST",
    type: "string",
    meaning: "HTTP transport bind address. A non-loopback address requires TENCENT_CHAT_MCP_TOKEN.",
    defaultText: "127.0.0.1",
    example: "127.0.0.1",
  },
  {
    flag: "port",
    env: "TENCENT_CHAT_HTTP_PORT",
    type: "string",
    meaning: "HTTP transport port (0 = any free port).",
    defaultText: "3333",
    example: "3333",
  },
  {
    flag: "mcp-token",
    env: "TENCENT_CHAT_MCP_TOKEN",
    type: "string",
    meaning: "Bearer token HTTP clients must send (required when host is not loopback).",
    example: "a-long-random-string",
    secret: true,
  },
  {
    flag: "log-level",
    env: "TENCENT_CHAT_LOG_LEVEL",
    type: "string",
    meaning: "stderr log level: debug, info, warning, error.",
    defaultText: "info",
    example: "debug",
  },
  { flag: "help", type: "boolean", meaning: "Print this help and exit.", example: "" },
  { flag: "version", type: "boolean", meaning: "Print the version and exit.", example: "" },
];

export function parseArgsOptions(): ParseArgsOptionsConfig {
  const out: ParseArgsOptionsConfig = {};
  for (const o of CONFIG_OPTIONS) out[o.flag] = { type: o.type };
  return out;
}

export function optionByFlag(flag: string): ConfigOption {
  const found = CONFIG_OPTIONS.find((o) => o.flag === flag);
  if (!found) throw new Error(`unknown option ${flag}`);
  return found;
}

export function renderHelp(): string {
  const lines = [
    "Usage: tencent-chat-group-mcp [command] [options]",
    "",
    "Commands:",
    "  serve        Run the MCP server (default) over stdio or Streamable HTTP",
    "  emulator     Run the local Chat REST emulator and print its URL and demo credentials",
    "  demo-tour    Start the server in demo mode, call every tool on the demo groups, print the answers",
    "  call <tool>  Run one tool: call <tool> --args '<json>' [--json]",
    "",
    "Options (each also settable through its environment variable; flags win):",
  ];
  for (const o of CONFIG_OPTIONS) {
    const flag = `--${o.flag}${o.type === "string" ? " <value>" : ""}`;
    const env = o.env ? ` [${o.env}]` : "";
    const def = o.defaultText ? ` (default: ${o.defaultText})` : "";
    // A command line is visible to every user of the machine (ps): secrets belong in the environment.
    const secret = o.secret && o.env ? ` Prefer ${o.env} to the flag: command lines are visible in ps.` : "";
    lines.push(`  ${flag}${env}`, `      ${o.meaning}${def}${secret}`);
  }
  return lines.join("\n");
}
