// Several Chat apps in one server (issue 26): two emulators (two SDKAppIDs), one profiles file, a real MCP
// client. Calls reach the app they name (each emulator's call counts say so), budgets and keys are per app,
// writes follow each profile's switch, and a bad file stops the start with the profile and the field named.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatClient } from "../../src/chat/client.js";
import { loadConfig } from "../../src/config/load.js";
import { loadProfiles } from "../../src/config/profiles.js";
import { createLogger } from "../../src/core/logger.js";
import {
  DEMO_GROUP_IDS,
  DEMO_INTL_APP,
  DEMO_INTL_GROUPS,
  type RunningEmulator,
  startEmulator,
} from "../../src/emulator/index.js";
import { buildServer } from "../../src/mcp/server.js";
import { ALL_TOOLS } from "../../src/tools/index.js";
import { selectTools } from "../../src/tools/select.js";
import { structured, textOf } from "../helpers/harness.js";

let prod: RunningEmulator;
let intl: RunningEmulator;
const dir = mkdtempSync(join(tmpdir(), "tcgm-profiles-"));
const logs: string[] = [];
const auditPath = join(dir, "audit.jsonl");
let loaded: ReturnType<typeof loadProfiles>;
let client: Client;
const closers: (() => Promise<void>)[] = [];

function writeProfiles(name: string, body: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(body), { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

const secretsEnv = () => ({ PROD_CHAT_KEY: prod.credentials.secretKey, INTL_CHAT_KEY: intl.credentials.secretKey });

function profilesBody() {
  return {
    default: "prod",
    profiles: {
      prod: {
        sdkappid: prod.credentials.sdkAppId,
        base_url: prod.url,
        secret_key_env: "PROD_CHAT_KEY",
        enable_writes: true,
      },
      intl: {
        sdkappid: intl.credentials.sdkAppId,
        base_url: intl.url,
        secret_key_env: "INTL_CHAT_KEY",
        // Its own rate budget for one API (a bought frequency pack); read-only: its writes are refused.
        rate_limits: { get_group_info: 50 },
      },
    },
  };
}

beforeAll(async () => {
  prod = await startEmulator({ port: 0 });
  intl = await startEmulator({ port: 0, app: DEMO_INTL_APP, dataset: "empty" });
  intl.control.addGroups([...DEMO_INTL_GROUPS]);
  const path = writeProfiles("profiles.json", profilesBody());
  const argv = ["--toolsets", "all", "--profiles", path, "--audit-log", auditPath];
  const env = secretsEnv();
  const { config } = loadConfig({ argv, env });
  const profiles = loadProfiles(path, { argv, env, config }, (m) => logs.push(m));
  loaded = profiles;
  const logger = createLogger("debug", (l) => logs.push(l));
  for (const p of profiles.apps)
    if (p.config.credentials?.kind === "secretKey") logger.addSecret(p.config.credentials.secretKey);
  const apps = profiles.apps.map((p) => {
    const chat = createChatClient(p.config);
    closers.push(() => chat.close());
    return { name: p.name, chat, config: p.config };
  });
  const selection = { ...config, enableWrites: true, readOnly: false };
  const server = buildServer({
    chat: apps[0]!.chat,
    config: selection,
    tools: selectTools(ALL_TOOLS, selection),
    logger,
    version: "test",
    apps,
    defaultApp: profiles.defaultName,
  });
  client = new Client({ name: "profiles-test", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([client.connect(a), server.connect(b)]);
});
afterAll(async () => {
  await client.close();
  for (const c of closers) await c();
  await prod.stop();
  await intl.stop();
});

const call = async (name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;
const totals = (): [number, number] => [prod.control.totalCalls(), intl.control.totalCalls()];

describe("named profiles", () => {
  it("every tool takes app (an enum of the profiles, default the default one), described once", async () => {
    const { tools } = await client.listTools();
    for (const t of tools) {
      const app = (t.inputSchema.properties as Record<string, { enum?: string[]; default?: string }>).app;
      expect(app, t.name).toMatchObject({ enum: ["prod", "intl"], default: "prod" });
    }
  });

  it("routes each call to its app, and the text says which", async () => {
    const [p0, i0] = totals();
    const r = await call("get_group_info", { group_ids: ["@TGS#2INTLCAFE01"], app: "intl" });
    expect(textOf(r)).toMatch(/^\[app intl, SDKAppID 1400000003\]\n1 of 1 groups found/);
    const [p1, i1] = totals();
    expect([p1 - p0, i1 - i0]).toEqual([0, 1]);
    const d = await call("get_group_info", { group_ids: [DEMO_GROUP_IDS.public] });
    expect(textOf(d)).toMatch(/^\[app prod, SDKAppID 1400000001\]/);
    expect(totals()).toEqual([p1 + 1, i1]);
    // The same group ID in the other app: that app's answer (missing there).
    expect(textOf(await call("get_group_info", { group_ids: [DEMO_GROUP_IDS.public], app: "intl" }))).toMatch(
      /Error 10010/,
    );
  });

  it("a resume cursor of one app is refused in the other, naming the app it belongs to", async () => {
    const first = structured<{ resume_cursor: string }>(
      await call("find_group_members", { group_id: "@TGS#_@TGS#cINTLFANS1", max_results: 5, app: "intl" }),
    );
    const r = await call("find_group_members", {
      group_id: "@TGS#_@TGS#cINTLFANS1",
      max_results: 5,
      resume_cursor: first.resume_cursor,
      app: "prod",
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/resume_cursor belongs to app "intl", not "prod"/);
  });

  it("writes follow each profile's switch; a token of one app is refused in the other", async () => {
    const [p0, i0] = totals();
    const refused = await call("set_mute_all", { group_id: "@TGS#2INTLCAFE01", muted: true, app: "intl" });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/writes are disabled for app "intl"/);
    expect(totals()).toEqual([p0, i0]);
    const args = {
      group_id: DEMO_GROUP_IDS.public,
      account: "p_mallory",
    };
    const token = structured<{ confirm_token: string }>(
      await call("delete_member_messages", { ...args, dry_run: true, app: "prod" }),
    ).confirm_token;
    expect((await call("delete_member_messages", { ...args, confirm_token: token })).isError).toBeFalsy();
    // A token of prod, offered to intl (read-only there anyway: refused before any request either way).
    expect((await call("delete_member_messages", { ...args, confirm_token: token, app: "intl" })).isError).toBe(true);
    // Audit lines carry the profile and its SDKAppID.
    const lines = readFileSync(auditPath, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.tool, l.status, l.profile, l.sdkappid])).toEqual([
      ["set_mute_all", "refused", "intl", 1400000003],
      ["delete_member_messages", "dry_run", "prod", 1400000001],
      ["delete_member_messages", "done", "prod", 1400000001],
      ["delete_member_messages", "refused", "intl", 1400000003],
    ]);
  });

  it("each app has its own rate budget and credentials", () => {
    const [p, i] = loaded.apps;
    expect(p!.config.rateLimits.perApi).toEqual({});
    expect(i!.config.rateLimits.perApi).toEqual({ get_group_info: 50 });
    expect([p!.config.sdkAppId, i!.config.sdkAppId]).toEqual([1400000001, 1400000003]);
    expect(p!.config.baseUrl).not.toBe(i!.config.baseUrl);
    expect([p!.config.enableWrites, i!.config.enableWrites]).toEqual([true, false]);
  });

  it("a bad profiles file stops the start, naming the profile and the field", () => {
    const env = secretsEnv();
    const bad = (body: unknown) => {
      const path = writeProfiles(`bad-${Math.random().toString(36).slice(2)}.json`, body);
      const argv = ["--profiles", path];
      return () => loadProfiles(path, { argv, env, config: loadConfig({ argv, env }).config }, () => undefined);
    };
    const base = profilesBody();
    expect(bad({ ...base, default: "nope" })).toThrow(/default: "nope" is not one of the profiles \(prod, intl\)/);
    expect(bad({ ...base, profiles: { ...base.profiles, intl: { ...base.profiles.intl, regoin: "x" } } })).toThrow(
      /profile "intl": unknown field regoin/,
    );
    expect(bad({ ...base, profiles: { ...base.profiles, intl: { ...base.profiles.intl, region: "mars" } } })).toThrow(
      /profile "intl", field region: "mars" is not one of/,
    );
    expect(
      bad({
        ...base,
        profiles: { ...base.profiles, intl: { ...base.profiles.intl, secret_key_env: "NOT_SET_ANYWHERE" } },
      }),
    ).toThrow(/profile "intl", field secret_key_env: the environment variable NOT_SET_ANYWHERE is not set/);
    expect(bad({ ...base, profiles: { ...base.profiles, intl: { ...base.profiles.intl, sdkappid: "12x" } } })).toThrow(
      /profile "intl", field sdkappid: "12x" is not a numeric SDKAppID/,
    );
  });

  it("an inline secret in a file others can read is allowed, with a warning", () => {
    const path = join(dir, "inline.json");
    writeFileSync(
      path,
      JSON.stringify({
        default: "a",
        profiles: { a: { sdkappid: 1400000001, base_url: prod.url, secret_key: "s3cr3t-inline" } },
      }),
    );
    chmodSync(path, 0o644);
    const warnings: string[] = [];
    const argv = ["--profiles", path];
    loadProfiles(path, { argv, env: {}, config: loadConfig({ argv, env: {} }).config }, (m) => warnings.push(m));
    expect(warnings.join("\n")).toMatch(/inline secret_key and other users can read it \(mode 644\)/);
    expect(warnings.join("\n")).not.toContain("s3cr3t-inline");
  });

  it("no secret of any profile reaches a log line or an answer", async () => {
    await call("get_group_info", { group_ids: ["@TGS#NOPE"], app: "intl" });
    const all = logs.join("\n");
    for (const secret of [prod.credentials.secretKey, intl.credentials.secretKey]) expect(all).not.toContain(secret);
    expect(readFileSync(join(dir, "profiles.json"), "utf8")).not.toContain(prod.credentials.secretKey);
  });
});
