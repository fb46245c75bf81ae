import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CONFIG_OPTIONS, loadConfig, missingConfiguration, renderHelp } from "../../src/config/load.js";

const load = (argv: string[], env: Record<string, string> = {}) => loadConfig({ argv, env }).config;

describe("config loader", () => {
  it("has sensible defaults and no credentials", () => {
    const c = load([]);
    expect(c).toMatchObject({
      identifier: "administrator",
      timeoutMs: 10000,
      transport: "stdio",
      host: "127.0.0.1",
      port: 3333,
      enableWrites: false,
      readOnly: false,
      demo: false,
      toolsets: ["default"],
    });
    expect(c.credentials).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
    expect(missingConfiguration(c)).toMatch(
      /TENCENT_CHAT_SDKAPPID.*TENCENT_CHAT_SECRET_KEY.*TENCENT_CHAT_REGION.*--demo/s,
    );
  });

  it("reads every variable from the environment", () => {
    const c = load([], {
      TENCENT_CHAT_SDKAPPID: "1400000001",
      TENCENT_CHAT_SECRET_KEY: "k".repeat(64),
      TENCENT_CHAT_IDENTIFIER: "admin",
      TENCENT_CHAT_REGION: "singapore",
      TENCENT_CHAT_TIMEOUT_MS: "2500",
      TENCENT_CHAT_RATE_LIMIT: "150",
      TENCENT_CHAT_RATE_LIMITS: "get_group_info=300,get_members=50",
      TENCENT_CHAT_MAX_ATTEMPTS: "2",
      TENCENT_CHAT_ENABLE_WRITES: "yes",
      TENCENT_CHAT_READ_ONLY: "0",
      TENCENT_CHAT_TOOLSETS: "raw,live",
      TENCENT_CHAT_TOOLS: "get_group_info, explain_chat_error",
      TENCENT_CHAT_DEMO: "false",
      TENCENT_CHAT_TRANSPORT: "http",
      TENCENT_CHAT_HTTP_HOST: "127.0.0.1",
      TENCENT_CHAT_HTTP_PORT: "0",
      TENCENT_CHAT_MCP_TOKEN: "tok",
      TENCENT_CHAT_LOG_LEVEL: "debug",
    });
    expect(c).toMatchObject({
      sdkAppId: 1400000001,
      identifier: "admin",
      region: "singapore",
      baseUrl: "https://adminapisgp.im.qcloud.com",
      standbyBaseUrl: "https://adminapisgp.my-imcloud.com",
      timeoutMs: 2500,
      rateLimits: { default: 150, perApi: { get_group_info: 300, get_members: 50 } },
      maxAttempts: 2,
      enableWrites: true,
      readOnly: false,
      toolsets: ["raw", "live"],
      tools: ["get_group_info", "explain_chat_error"],
      transport: "http",
      port: 0,
      mcpToken: "tok",
      logLevel: "debug",
    });
    expect(c.credentials?.kind).toBe("secretKey");
    expect(missingConfiguration(c)).toBeUndefined();
  });

  it("lets flags override the environment, and a base URL override the region", () => {
    const c = load(["--identifier", "flagadmin", "--base-url", "http://127.0.0.1:9000/", "--usersig", "eJx"], {
      TENCENT_CHAT_IDENTIFIER: "envadmin",
      TENCENT_CHAT_REGION: "china",
    });
    expect(c.identifier).toBe("flagadmin");
    expect(c.baseUrl).toBe("http://127.0.0.1:9000");
    expect(c.standbyBaseUrl).toBeUndefined();
    expect(c.credentials?.kind).toBe("userSig");
  });

  it.each([
    [{ TENCENT_CHAT_SDKAPPID: "abc" }, /TENCENT_CHAT_SDKAPPID \(--sdkappid\).*Example of a right value: 1400000000/],
    [{ TENCENT_CHAT_SDKAPPID: "01400" }, /TENCENT_CHAT_SDKAPPID/],
    [{ TENCENT_CHAT_REGION: "mars" }, /TENCENT_CHAT_REGION \(--region\): "mars" is not one of china, singapore/],
    [{ TENCENT_CHAT_BASE_URL: "ftp://x" }, /TENCENT_CHAT_BASE_URL/],
    [{ TENCENT_CHAT_BASE_URL: "http://h/?usersig=x" }, /must not carry a query/],
    [{ TENCENT_CHAT_TIMEOUT_MS: "-5" }, /TENCENT_CHAT_TIMEOUT_MS/],
    [{ TENCENT_CHAT_ENABLE_WRITES: "maybe" }, /TENCENT_CHAT_ENABLE_WRITES.*not a boolean/],
    [{ TENCENT_CHAT_TRANSPORT: "sse" }, /TENCENT_CHAT_TRANSPORT/],
    [{ TENCENT_CHAT_RATE_LIMITS: "get_everything=5" }, /TENCENT_CHAT_RATE_LIMITS.*not an API name/],
    [{ TENCENT_CHAT_TOOLSETS: "some" }, /TENCENT_CHAT_TOOLSETS/],
    [{ TENCENT_CHAT_IDENTIFIER: "x".repeat(40) }, /TENCENT_CHAT_IDENTIFIER/],
    [{ TENCENT_CHAT_SECRET_KEY: "k", TENCENT_CHAT_USERSIG: "u" }, /set only one/],
    [
      { TENCENT_CHAT_TRANSPORT: "http", TENCENT_CHAT_HTTP_HOST: "0.0.0.0" },
      /TENCENT_CHAT_MCP_TOKEN.*not a loopback address/,
    ],
  ])("rejects %o with a message naming the variable", (env, message) => {
    expect(() => load([], env as Record<string, string>)).toThrow(message);
  });

  it("rejects unknown flags", () => {
    expect(() => load(["--no-such-flag"])).toThrow(/--help/);
  });

  it("never prints the secret key or UserSig when the config is logged", () => {
    const secret = "s3cr3t-key-value-0123456789";
    const c = load([], { TENCENT_CHAT_SECRET_KEY: secret });
    expect(JSON.stringify(c)).not.toContain(secret);
    expect(inspect(c, { depth: 5 })).not.toContain(secret);
    expect(`${c.credentials}`).not.toContain(secret);
    expect(c.credentials?.kind === "secretKey" && c.credentials.secretKey).toBe(secret);
  });

  it("lists every option and variable in --help", () => {
    const help = renderHelp();
    for (const o of CONFIG_OPTIONS) {
      expect(help).toContain(`--${o.flag}`);
      if (o.env) expect(help).toContain(o.env);
    }
  });
});
