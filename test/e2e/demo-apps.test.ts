// --demo --profiles demo: two demo apps (different SDKAppIDs and groups), tried without credentials through
// the built bin: /healthz reports each app's limiter, and `call --app` reaches the named one.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, cleanEnv, startHttp } from "../helpers/spawn-bin.js";

describe("two demo apps", () => {
  it("/healthz names each app and its limiter", async () => {
    const { proc, url } = await startHttp(["--demo", "--profiles", "demo"]);
    try {
      const health = (await (await fetch(url.replace(/\/mcp$/, "/healthz"))).json()) as {
        apps?: Record<string, { limiter: string }>;
      };
      expect(Object.keys(health.apps ?? {})).toEqual(["demo", "demo-intl"]);
      for (const a of Object.values(health.apps!)) expect(a.limiter).toBeTruthy();
    } finally {
      proc.kill();
    }
  });

  it("call --app reaches the named app", () => {
    const run = (app: string) =>
      spawnSync(
        process.execPath,
        [
          BIN,
          "call",
          "get_group_info",
          "--demo",
          "--profiles",
          "demo",
          "--app",
          app,
          "--args",
          '{"group_ids":["@TGS#2INTLCAFE01"]}',
        ],
        { env: cleanEnv(), encoding: "utf8", timeout: 30_000 },
      );
    const intl = run("demo-intl");
    expect(intl.status).toBe(0);
    expect(intl.stdout).toMatch(/\[app demo-intl, SDKAppID 1400000003\][\s\S]*"Global cafe"/);
    const main = run("demo");
    // That group is not in the first demo app: a per-group error of its answer.
    expect(main.status).toBe(0);
    expect(main.stdout).toMatch(/\[app demo, SDKAppID 1400000001\][\s\S]*Error 10010/);
  });
});
