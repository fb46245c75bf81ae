// The app-wide mute of one account (openconfigsvr/getnospeaking, setnospeaking) through a real MCP client:
// the state read back from the emulator, dry runs that send nothing, refusals before any request, the
// audit line; and the emulator itself against the page's request and answer examples and error codes.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";
import { rawCall } from "../helpers/raw-call.js";

let h: Harness;
const auditPath = join(mkdtempSync(join(tmpdir(), "tcgm-nospeaking-")), "audit.jsonl");
beforeAll(async () => {
  h = await startHarness({ enableWrites: true, argv: ["--audit-log", auditPath] });
});
afterAll(() => h.close());

const calls = (api: string) => h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:${api}`] ?? 0;
type Mute = { seconds: number; until: string | null };

describe("app-wide mute of one account", () => {
  it("mutes group messages forever and one-to-one for an hour; get_account_mute reads it back", async () => {
    const r = await callTool(h.client, "set_account_mute", {
      account: "p_mallory",
      group_seconds: "forever",
      direct_seconds: 3600,
    });
    const d = structured<{ after: { group: Mute; direct: Mute } }>(r);
    expect(d.after.group).toEqual({ seconds: 4294967295, until: "forever" });
    expect(d.after.direct.seconds).toBeGreaterThan(3590);
    const got = await callTool(h.client, "get_account_mute", { account: "p_mallory" });
    expect(structured<{ group: Mute }>(got).group.until).toBe("forever");
    expect(textOf(got)).toMatch(
      /^"p_mallory" app-wide: group messages: muted forever; one-to-one messages: muted until \d{4}-/,
    );
    // Lift only the group mute: the one-to-one mute stays.
    await callTool(h.client, "set_account_mute", { account: "p_mallory", group_seconds: 0 });
    const after = structured<{ group: Mute; direct: Mute }>(
      await callTool(h.client, "get_account_mute", { account: "p_mallory" }),
    );
    expect(after.group).toEqual({ seconds: 0, until: null });
    expect(after.direct.seconds).toBeGreaterThan(0);
  });

  it("a dry run reads the current mute, sends nothing and is audited; no duration at all is refused before any request", async () => {
    const before = calls("setnospeaking");
    const dry = await callTool(h.client, "set_account_mute", { account: "k0_bob", group_seconds: 600, dry_run: true });
    expect(textOf(dry)).toMatch(
      /Dry run, nothing was sent[\s\S]*Would send setnospeaking \{"Set_Account":"k0_bob","GroupmsgNospeakingTime":600\}/,
    );
    expect(calls("setnospeaking")).toBe(before);
    const total = h.emulator.control.totalCalls();
    const none = await callTool(h.client, "set_account_mute", { account: "k0_bob" });
    expect(none.isError).toBe(true);
    expect(textOf(none)).toMatch(/group_seconds, direct_seconds or both/);
    expect(h.emulator.control.totalCalls()).toBe(total);
    const lines = readFileSync(auditPath, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { tool: string; status: string });
    expect(lines.filter((l) => l.tool === "set_account_mute").map((l) => l.status)).toEqual([
      "done",
      "done",
      "dry_run",
    ]);
  });
});

describe("emulator: setnospeaking and getnospeaking as documented", () => {
  it("answers the page's examples, and 130004 / 130008 for a missing account or durations", async () => {
    const set = await rawCall(h.emulator, "/v4/openconfigsvr/setnospeaking", {
      Set_Account: "lumotuwe",
      C2CmsgNospeakingTime: 4294967295,
      GroupmsgNospeakingTime: 7200,
    });
    expect(set.json).toMatchObject({ ErrorCode: 0 });
    const get = await rawCall(h.emulator, "/v4/openconfigsvr/getnospeaking", { Get_Account: "lumotuwe" });
    expect(get.json).toMatchObject({ ErrorCode: 0, C2CmsgNospeakingTime: 4294967295 });
    expect(get.json.GroupmsgNospeakingTime).toBeGreaterThan(7190);
    expect(get.json.GroupmsgNospeakingTime).toBeLessThanOrEqual(7200);
    expect(
      (await rawCall(h.emulator, "/v4/openconfigsvr/setnospeaking", { GroupmsgNospeakingTime: 1 })).json.ErrorCode,
    ).toBe(130004);
    expect(
      (await rawCall(h.emulator, "/v4/openconfigsvr/setnospeaking", { Set_Account: "lumotuwe" })).json.ErrorCode,
    ).toBe(130008);
  });
});
