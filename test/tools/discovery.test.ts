// Discovery tools through a real MCP client against the emulator: every answer is checked against the
// emulator's own state, computed here independently of the tools.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_GROUP_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import type { EmuGroup } from "../../src/emulator/model.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

const PAGE_CAP = 25;
let emu: RunningEmulator;
let h: Harness;

beforeAll(async () => {
  // Pages of 25 IDs: the demo app's ~60 groups take three ID pages, at Tencent's one call per second.
  emu = await startEmulator({ port: 0, groupListPageCap: PAGE_CAP });
  h = await startHarness({ sharedEmulator: emu });
});
afterAll(async () => {
  await h.close();
  await emu.stop();
});

const calls = (api: string) => emu.control.stats().calls[`${emu.credentials.sdkAppId}:${api}`] ?? 0;
const refused = () => Object.values(emu.control.stats().rateLimited).reduce((a, b) => a + b, 0);
const live = (): readonly EmuGroup[] => emu.control.groups();
/** How many items fall under each key. */
function tally<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return out;
}
const memberNum = (g: EmuGroup) => (g.Type === "AVChatRoom" ? undefined : g.members.count());

/** Follows a partial result's text to the end, as an agent that reads only the text would. */
async function followText(tool: string, args: Record<string, unknown>) {
  const results: Record<string, unknown>[] = [];
  let r = await callTool(h.client, tool, args);
  for (let i = 0; i < 20; i++) {
    const data = structured(r);
    results.push(data);
    const next = /To continue, call \w+ with (\{.*\})$/m.exec(textOf(r))?.[1];
    if (!next) break;
    r = await callTool(h.client, tool, JSON.parse(next) as Record<string, unknown>);
  }
  return results;
}

describe("list_group_ids", () => {
  it("pages the app's IDs with a uint64 cursor that only survives lossless parsing", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const r = structured<{ group_ids: string[]; next_cursor: string | null; total_count: number }>(
        await callTool(h.client, "list_group_ids", { limit: 10_000, ...(cursor ? { next_cursor: cursor } : {}) }),
      );
      seen.push(...r.group_ids);
      total = r.total_count;
      if (!r.next_cursor) break;
      // Beyond 2^53: a JSON.parse'd cursor would have lost its last digits, and the emulator refuses those.
      expect(BigInt(r.next_cursor) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      expect(String(Number(r.next_cursor))).not.toBe(r.next_cursor);
      cursor = r.next_cursor;
    }
    expect(seen).toEqual(live().map((g) => g.GroupId));
    expect(total).toBe(live().length);
    expect(seen.length).toBeGreaterThan(PAGE_CAP * 2);
  });

  it("a rounded cursor is answered by Tencent's error, not a wrong page", async () => {
    const first = structured<{ next_cursor: string }>(await callTool(h.client, "list_group_ids", { limit: 5 }));
    const r = await callTool(h.client, "list_group_ids", { next_cursor: String(BigInt(Number(first.next_cursor))) });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toContain("10004");
  });

  it("concurrent calls share the one-per-second budget: no 60007 reaches a tool", async () => {
    const before = refused();
    const results = await Promise.all(
      Array.from({ length: 3 }, () => callTool(h.client, "list_group_ids", { group_type: "Community" })),
    );
    for (const r of results) expect(r.isError).toBeFalsy();
    expect(refused()).toBe(before);
    expect(emu.control.stats().maxPerSecond[`${emu.credentials.sdkAppId}:get_appid_group_list`]).toBe(1);
  });

  it("refuses a bad group type and a malformed cursor before any request", async () => {
    const before = emu.control.totalCalls();
    for (const args of [
      { group_type: "BChatRoom" },
      { next_cursor: "-1" },
      { next_cursor: "12a" },
      { limit: 10_001 },
    ]) {
      const r = await callTool(h.client, "list_group_ids", args);
      expect(r.isError, JSON.stringify(args)).toBe(true);
    }
    expect(emu.control.totalCalls()).toBe(before);
  });
});

describe("get_joined_groups and get_user_groups", () => {
  const truth = () => emu.control.groupsOf(DEMO_ACCOUNTS.alice);

  it("get_joined_groups: one page with the account's role in each group, live groups on request", async () => {
    const all = structured<{ total: number; groups: { group_id: string; role: string }[]; next_offset: number | null }>(
      await callTool(h.client, "get_joined_groups", { account: DEMO_ACCOUNTS.alice, limit: 10 }),
    );
    expect(all.total).toBe(truth().length);
    expect(all.groups).toHaveLength(10);
    expect(all.next_offset).toBe(10);
    for (const g of all.groups) expect(g.role).toBe(truth().find((t) => t.groupId === g.group_id)!.role);
    const noLive = structured<{ total: number }>(
      await callTool(h.client, "get_joined_groups", { account: DEMO_ACCOUNTS.alice, include_live: false }),
    );
    expect(noLive.total).toBe(truth().filter((t) => t.type !== "AVChatRoom").length);
    expect(noLive.total).toBeLessThan(all.total);
  });

  it("get_user_groups: every group, with counts by type and role equal to the emulator's", async () => {
    const r = structured<{
      total: number;
      complete: boolean;
      groups: { group_id: string }[];
      by_type: Record<string, number>;
      by_role: Record<string, number>;
    }>(await callTool(h.client, "get_user_groups", { account: DEMO_ACCOUNTS.alice }));
    const t = truth();
    expect(r.complete).toBe(true);
    expect(r.groups.map((g) => g.group_id).sort()).toEqual(t.map((g) => g.groupId).sort());
    expect(r.by_type).toEqual(tally(t, (g) => g.type));
    expect(r.by_role).toEqual(tally(t, (g) => g.role));
    // Every type and every role is there: the demo account's story.
    expect(Object.keys(r.by_type).sort()).toEqual(["AVChatRoom", "ChatRoom", "Community", "Private", "Public"]);
    expect(Object.keys(r.by_role).sort()).toEqual(["Admin", "Member", "Owner"]);
  });

  it("get_user_groups resumed from its text ends with the same groups and counts", async () => {
    const parts = await followText("get_user_groups", { account: DEMO_ACCOUNTS.alice, max_results: 8 });
    expect(parts.length).toBeGreaterThan(3);
    const ids = parts.flatMap((p) => (p.groups as { group_id: string }[]).map((g) => g.group_id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      truth()
        .map((g) => g.groupId)
        .sort(),
    );
    expect(parts.at(-1)!.complete).toBe(true);
    expect(parts.at(-1)!.scanned).toBe(truth().length);
  });

  it("refuses an empty account before any request", async () => {
    const before = emu.control.totalCalls();
    expect((await callTool(h.client, "get_user_groups", { account: "" })).isError).toBe(true);
    expect((await callTool(h.client, "get_joined_groups", { account: "x".repeat(33) })).isError).toBe(true);
    expect(emu.control.totalCalls()).toBe(before);
  });
});

describe("list_groups", () => {
  it("filters by owner and type, name and mute-all, inactivity and size, as the emulator's data says", async () => {
    const quiet = new Date((emu.control.anchorSeconds - 90 * 86_400) * 1000).toISOString().slice(0, 10);
    const quietS = Date.parse(quiet) / 1000;
    const cases: [Record<string, unknown>, (g: EmuGroup) => boolean][] = [
      [{ owner: DEMO_ACCOUNTS.alice, group_type: "Public" }, (g) => g.Owner_Account === "alice" && g.Type === "Public"],
      [
        { name_contains: "CHESS", mute_all: false },
        (g) => g.Name.toLowerCase().includes("chess") && g.MuteAllMember === "Off",
      ],
      [
        { inactive_since: quiet, min_members: 10, max_members: 20 },
        (g) => g.LastMsgTime < quietS && (memberNum(g) ?? -1) >= 10 && (memberNum(g) ?? 99) <= 20,
      ],
    ];
    for (const [args, want] of cases) {
      const r = structured<{ groups: { group_id: string }[]; matched: number; scanned: number; complete: boolean }>(
        await callTool(h.client, "list_groups", { ...args, max_results: 1000 }),
      );
      const expected = live()
        .filter(want)
        .map((g) => g.GroupId);
      expect(expected.length, JSON.stringify(args)).toBeGreaterThan(0);
      expect(
        r.groups.map((g) => g.group_id),
        JSON.stringify(args),
      ).toEqual(expected);
      expect(r.matched).toBe(expected.length);
      expect(r.complete).toBe(true);
      expect(r.scanned).toBe(args.group_type ? live().filter((g) => g.Type === args.group_type).length : live().length);
    }
  });

  it("max_results cuts a scan that resumes from its text to every group exactly once", async () => {
    const parts = await followText("list_groups", { max_results: 20 });
    const ids = parts.flatMap((p) => (p.groups as { group_id: string }[]).map((g) => g.group_id));
    expect(ids).toEqual(live().map((g) => g.GroupId));
    const last = parts.at(-1)!;
    expect(last.complete).toBe(true);
    expect(last.scanned).toBe(live().length);
    expect(last.scanned_by_type).toEqual(tally(live(), (g) => g.Type));
  });

  it("a profile batch failing beyond its retries keeps what was read and resumes to the same totals", async () => {
    emu.control.setFaults({ rules: [{ kind: "error", code: 10002, after: 1, count: 50, apis: ["get_group_info"] }] });
    // The first ID page (25 IDs, one batch) reads; the second page's batch fails beyond its retries.
    const first = await callTool(h.client, "list_groups", { max_results: 1000 });
    const partial = structured<{ complete: boolean; stopped_because: string; scanned: number; resume_cursor: string }>(
      first,
    );
    emu.control.clearFaults();
    expect(partial.complete).toBe(false);
    expect(partial.stopped_because).toBe("upstream_error");
    expect(partial.scanned).toBe(PAGE_CAP);
    const next = /To continue, call list_groups with (\{.*\})$/m.exec(textOf(first))![1]!;
    const done = structured<{ complete: boolean; scanned: number; matched: number }>(
      await callTool(h.client, "list_groups", JSON.parse(next) as Record<string, unknown>),
    );
    expect(done).toMatchObject({ complete: true, scanned: live().length, matched: live().length });
  });

  it("refuses wrong input before any request", async () => {
    const before = emu.control.totalCalls();
    for (const args of [{ group_type: "Work" }, { max_results: 10_001 }, { inactive_since: "last week" }]) {
      const r = await callTool(h.client, "list_groups", args);
      expect(r.isError, JSON.stringify(args)).toBe(true);
    }
    expect(emu.control.totalCalls()).toBe(before);
  });
});

describe("get_member_roles and check_members", () => {
  const community = () => emu.control.group(DEMO_GROUP_IDS.community)!;

  it("get_member_roles: Owner, Admin and NotMember; an AVChatRoom names the tool to use instead", async () => {
    const r = structured<{ roles: { account: string; role: string }[] }>(
      await callTool(h.client, "get_member_roles", {
        group_id: "@TGS#2CLUB00",
        accounts: [DEMO_ACCOUNTS.alice, "k0_bob", "nobody"],
      }),
    );
    expect(r.roles.map((x) => x.role)).toEqual(["Owner", "Admin", "NotMember"]);
    const av = await callTool(h.client, "get_member_roles", { group_id: DEMO_GROUP_IDS.avChatRoom, accounts: ["a"] });
    expect(av.isError).toBe(true);
    expect(textOf(av)).toContain("get_online_members");
  });

  it("check_members: 1,200 accounts in requests of 500, counts equal to the group's roles", async () => {
    const g = community();
    const memberAccounts = Array.from({ length: g.members.count() }, (_, i) => g.members.at(i).Member_Account);
    const strangers = Array.from({ length: 900 }, (_, i) => `ghost_${i}`);
    const before = calls("get_role_in_group");
    const r = structured<{
      checked: number;
      by_role: Record<string, number>;
      not_members: string[];
      not_members_truncated: boolean;
      members_truncated: boolean;
      complete: boolean;
    }>(await callTool(h.client, "check_members", { group_id: g.GroupId, accounts: [...memberAccounts, ...strangers] }));
    expect(calls("get_role_in_group") - before).toBe(Math.ceil(1200 / 500));
    const roles = memberAccounts.map((_, i) => g.members.at(i).Role);
    expect(r.by_role).toEqual({
      Owner: roles.filter((x) => x === "Owner").length,
      Admin: roles.filter((x) => x === "Admin").length,
      Member: roles.filter((x) => x === "Member").length,
      NotMember: 900,
    });
    expect(r.checked).toBe(1200);
    expect(r.not_members_truncated).toBe(true);
    expect(r.members_truncated).toBe(true);
    expect(r.complete).toBe(true);
  });

  it("a failed request never hides the others: their accounts are listed to check again", async () => {
    emu.control.setFaults({
      rules: [{ kind: "error", code: 10002, after: 1, count: 50, apis: ["get_role_in_group"] }],
    });
    const accounts = Array.from({ length: 1000 }, (_, i) => `ghost_${i}`);
    const r = await callTool(h.client, "check_members", { group_id: DEMO_GROUP_IDS.community, accounts });
    emu.control.clearFaults();
    const data = structured<{ checked: number; complete: boolean; unchecked_accounts: string[]; failed: unknown[] }>(r);
    expect(data.complete).toBe(false);
    expect(data.checked).toBe(500);
    expect(data.unchecked_accounts).toHaveLength(500);
    // The exact call that checks them: every unchecked account, in the text.
    const m = /not checked: .* call check_members with (\{.*\})$/m.exec(textOf(r));
    expect(JSON.parse(m![1]!)).toEqual({ group_id: DEMO_GROUP_IDS.community, accounts: data.unchecked_accounts });
  });

  it("refuses 10,001 accounts and an empty account before any request; an AVChatRoom gets a clear error", async () => {
    const before = emu.control.totalCalls();
    const many = Array.from({ length: 10_001 }, (_, i) => `u${i}`);
    expect((await callTool(h.client, "check_members", { group_id: "@TGS#2CLUB00", accounts: many })).isError).toBe(
      true,
    );
    expect((await callTool(h.client, "check_members", { group_id: "@TGS#2CLUB00", accounts: [""] })).isError).toBe(
      true,
    );
    expect(
      (await callTool(h.client, "get_member_roles", { group_id: "@TGS#2CLUB00", accounts: many.slice(0, 501) }))
        .isError,
    ).toBe(true);
    expect(emu.control.totalCalls()).toBe(before);
    const av = await callTool(h.client, "check_members", {
      group_id: DEMO_GROUP_IDS.avChatRoomSmall,
      accounts: ["guest_00001"],
    });
    // A live group is asked through its own check (test/tools/live-admins.test.ts), not get_role_in_group.
    expect(av.isError).toBeFalsy();
    expect(textOf(av)).toMatch(/\(live group\): of 1 accounts checked, 1 are in it/);
  });
});
