// Answers the emulator never gives, bent by a real proxy between the client and the emulator: a huge
// MemberNum, an ErrorInfo that echoes the request URL (with its UserSig), an out-of-range timestamp.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { type BendingProxy, startBentHarness } from "../helpers/bending-proxy.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
let proxy: BendingProxy;

let close: () => Promise<void>;

beforeAll(async () => {
  ({ h, proxy, close } = await startBentHarness({ maxAttempts: 1 }));
});
afterAll(() => close());

const usersigIn = (url: string) => /usersig=([^&]+)/.exec(url)?.[1] ?? "";

describe("a huge MemberNum from upstream", () => {
  it("costs only the pages actually read: the scan ends at the first short page with the real members", async () => {
    proxy.setBend((api, a) => {
      if (api === "get_group_info")
        for (const g of (a.GroupInfo as Record<string, unknown>[]) ?? []) g.MemberNum = 1e12;
      if (api === "get_group_member_info") a.MemberNum = 1e12;
      return a;
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const r = await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.publicLarge });
    proxy.setBend(undefined);
    const d = structured<{ complete: boolean; scanned: number; member_num: number }>(r);
    expect(d.complete).toBe(true);
    expect(d.scanned).toBe(6000);
    expect(d.member_num).toBe(1e12);
    // Planning 5 billion offsets up front took gigabytes; lazily it is nothing.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });
});

describe("upstream text that echoes the request URL", () => {
  it("never puts the UserSig into results, per-group errors or chunk errors", async () => {
    let sig = "";
    proxy.setBend((api, a, url) => {
      sig = usersigIn(url);
      if (api === "get_group_info")
        // A code outside our table, so its ErrorInfo is quoted to the agent ("Tencent says: ...").
        for (const g of (a.GroupInfo as Record<string, unknown>[]) ?? [])
          if (g.ErrorCode) [g.ErrorCode, g.ErrorInfo] = [10099, `bad request ${url}`];
      return a;
    });
    const overview = await callTool(h.client, "get_groups_overview", {
      group_ids: [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.dismissed],
    });
    const info = await callTool(h.client, "get_group_info", { group_ids: [DEMO_GROUP_IDS.dismissed] });
    proxy.setBend(undefined);
    expect(sig.length).toBeGreaterThan(40);
    for (const r of [overview, info]) {
      const all = JSON.stringify(r);
      expect(all).not.toContain(sig);
      expect(all).not.toContain(decodeURIComponent(sig));
    }
  });

  it("bulk chunk errors are redacted too", async () => {
    const writer = await startHarness({
      sharedEmulator: h.emulator,
      enableWrites: true,
      clientOptions: { baseUrl: proxy.url, maxAttempts: 1 },
    });
    let sig = "";
    proxy.setBend((api, a, url) => {
      sig = usersigIn(url);
      return api === "modify_user_info" ? { ActionStatus: "FAIL", ErrorCode: 10099, ErrorInfo: `invalid ${url}` } : a;
    });
    const r = await callTool(writer.client, "set_member_marks_bulk", {
      group_id: DEMO_GROUP_IDS.avChatRoomSmall,
      action: "set",
      marks: [1001],
      accounts: ["viewer_1"],
    });
    proxy.setBend(undefined);
    await writer.close();
    expect(sig.length).toBeGreaterThan(40);
    expect(JSON.stringify(r)).not.toContain(sig);
  });
});

describe("an out-of-range timestamp", () => {
  it("renders that field as null and keeps the answer", async () => {
    proxy.setBend((api, a) => {
      if (api === "get_group_member_info")
        for (const m of (a.MemberList as Record<string, unknown>[]) ?? []) m.JoinTime = 1e13;
      return a;
    });
    const page = await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public, limit: 5 });
    const found = await callTool(h.client, "find_group_members", { group_id: DEMO_GROUP_IDS.public, muted: true });
    proxy.setBend(undefined);
    const d = structured<{ members: { account: string; join_time: string | null }[] }>(page);
    expect(d.members.length).toBe(5);
    expect(d.members.every((m) => m.join_time === null)).toBe(true);
    expect(found.isError).toBeFalsy();
    expect(textOf(found)).not.toMatch(/internal error/);
  });
});

describe("account IDs from upstream", () => {
  it("are sanitised in summaries (bidi, NUL, 5,000 characters) like any member text", async () => {
    const hostile = `evil\u202e\u0000${"x".repeat(5000)}`;
    proxy.setBend((api, a) => {
      if (api === "get_group_member_info")
        for (const m of (a.MemberList as Record<string, unknown>[]) ?? [])
          if (m.Role === "Owner" || m.Role === "Admin") m.Member_Account = hostile;
      return a;
    });
    const r = await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.public });
    proxy.setBend(undefined);
    const d = structured<{ owner: string; admins: string[] }>(r);
    for (const account of [d.owner, ...d.admins]) {
      expect(account).not.toMatch(/[\u202e\u0000]/);
      expect(account.length).toBeLessThanOrEqual(64);
    }
    expect(textOf(r)).not.toMatch(/[\u202e\u0000]/);
    expect(textOf(r).length).toBeLessThan(3000);
  });
});
