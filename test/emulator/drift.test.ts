// Where copies of Tencent's docs disagree (docs/drift.md), the client is right under both readings:
// each test runs the same tool calls against the emulator switched to one reading and to the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { type BendingProxy, startBentHarness } from "../helpers/bending-proxy.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

describe.each(["MuteUntil", "ShutUpUntil"] as const)("the mute end named %s", (muteField) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { muteField } });
  });
  afterAll(() => h.close());

  it("summaries count the muted members and searches find them", async () => {
    const s = structured<{ muted: number; as_of: string }>(
      await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.publicLarge }),
    );
    const e = h.emulator.control.expectedStats(DEMO_GROUP_IDS.publicLarge, Date.parse(s.as_of) / 1000);
    expect(e.muted).toBeGreaterThan(0);
    expect(s.muted).toBe(e.muted);
    const f = structured<{ found_total: number }>(
      await callTool(h.client, "find_group_members", {
        group_id: DEMO_GROUP_IDS.publicLarge,
        muted: true,
        count_only: true,
      }),
    );
    expect(f.found_total).toBe(e.muted);
  });

  it("a page of members shows the mute end", async () => {
    const d = structured<{ members: { muted?: boolean; muted_until?: string | null }[] }>(
      await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public, fields: ["muted_until"] }),
    );
    expect(d.members.some((m) => m.muted === true && typeof m.muted_until === "string")).toBe(true);
  });
});

describe("answers the emulator never gives", () => {
  let h: Harness;
  let proxy: BendingProxy;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ h, proxy, close } = await startBentHarness());
  });
  afterAll(() => close());

  it("a permanent mute (4294967295) reads as permanent, not as a date in 2106", async () => {
    proxy.setBend((api, a) => {
      if (api === "get_group_member_info")
        for (const m of (a.MemberList as Record<string, unknown>[]) ?? []) if (m.MuteUntil) m.MuteUntil = 4294967295;
      return a;
    });
    const d = structured<{ members: { muted?: boolean; muted_until?: string | null }[] }>(
      await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public }),
    );
    proxy.setBend(undefined);
    const muted = d.members.filter((m) => m.muted);
    expect(muted.length).toBeGreaterThan(0);
    expect(muted.every((m) => m.muted_until === "permanent")).toBe(true);
  });

  it("get_group_info's top-level ErrorCode is meaningless: a non-zero one with ActionStatus OK keeps the groups", async () => {
    proxy.setBend((api, a) => (api === "get_group_info" ? { ...a, ErrorCode: 10004, ErrorInfo: "noise" } : a));
    const r = await callTool(h.client, "get_group_info", { group_ids: [DEMO_GROUP_IDS.public] });
    proxy.setBend(undefined);
    expect(structured<{ groups: unknown[] }>(r).groups).toHaveLength(1);
    proxy.setBend((api, a) => (api === "get_group_info" ? { ...a, ActionStatus: "FAIL", ErrorCode: 10004 } : a));
    const failed = await callTool(h.client, "get_group_info", { group_ids: [DEMO_GROUP_IDS.public] });
    proxy.setBend(undefined);
    expect(failed.isError).toBe(true);
    expect(textOf(failed)).toMatch(/10004/);
  });
});

describe("regional domains", () => {
  it("Tokyo has its documented standby domain", () => {
    const { config } = loadConfig({ argv: ["--region", "tokyo"], env: {} });
    expect(config.standbyBaseUrl).toBe("https://adminapijpn.my-imcloud.com");
  });
});

describe("emulator fidelity fixes", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it.each([true, false])(
    "unfiltered member pages with custom fields by default = %s: the tool shows what came back",
    async (customFieldsByDefault) => {
      const w = await startHarness({ emulator: { customFieldsByDefault } });
      try {
        const all = structured<{ members: { custom_data?: Record<string, string> }[] }>(
          await callTool(w.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public, limit: 5 }),
        );
        expect(all.members.every((m) => Object.keys(m.custom_data ?? {}).length > 0)).toBe(customFieldsByDefault);
        const asked = structured<{ members: { custom_data?: Record<string, string> }[] }>(
          await callTool(w.client, "get_group_member_info", {
            group_id: DEMO_GROUP_IDS.public,
            limit: 5,
            custom_keys: ["MemberDefined1"],
          }),
        );
        expect(asked.members.every((m) => Object.keys(m.custom_data ?? {}).length === 1)).toBe(true);
      } finally {
        await w.close();
      }
    },
  );

  it("the 1 MB answer cap counts bytes: Chinese text reaches it at a third of the characters", async () => {
    const { SizeBudget } = await import("../../src/emulator/handlers/context.js");
    const chinese = "群".repeat(400_000); // 400k UTF-16 units, 1.2 MB of UTF-8
    expect(() => new SizeBudget().add(chinese)).toThrow(/1 MB/);
    expect(() => new SizeBudget().add("a".repeat(400_000))).not.toThrow();
  });
});

describe("answers of an unexpected shape", () => {
  let h: Harness;
  let proxy: BendingProxy;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ h, proxy, close } = await startBentHarness({ maxAttempts: 4, retryBaseDelayMs: 1 }));
  });
  afterAll(() => close());

  it("an unknown role, a non-string custom value and one broken record never lose the page", async () => {
    proxy.setBend((api, a) => {
      if (api !== "get_group_member_info") return a;
      const list = a.MemberList as Record<string, unknown>[];
      list[1]!.Role = "Moderator";
      list[2]!.AppMemberDefinedData = [{ Key: "Level", Value: 7 }];
      list[3] = { Role: "Member" }; // no Member_Account
      return { ...a, ErrorCode: "0" };
    });
    const r = await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public, limit: 10 });
    const s = await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.public });
    proxy.setBend(undefined);
    const d = structured<{
      members: { role?: string; custom_data?: Record<string, string> }[];
      skipped_records: number;
    }>(r);
    expect(d.members).toHaveLength(9);
    expect(d.skipped_records).toBe(1);
    expect(d.members[1]!.role).toBe("Moderator");
    expect(d.members[2]!.custom_data).toEqual({ Level: "7" });
    expect(textOf(r)).toMatch(/1 malformed member records were left out/);
    expect(structured<{ other_roles?: number }>(s).other_roles).toBeGreaterThan(0);
  });

  it("an HTML page with HTTP 200 is its own error, named, not retried as a network fault", async () => {
    let calls = 0;
    proxy.setBend((api, a) => {
      if (api !== "get_group_member_info") return a;
      calls++;
      return "<html><body>Welcome to the hotel Wi-Fi</body></html>";
    });
    const r = await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public });
    proxy.setBend(undefined);
    expect(r.isError).toBe(true);
    expect(calls).toBe(1);
    expect(textOf(r)).toMatch(/get_group_member_info: the answer was an HTML page[\s\S]*Retry\? no/);
  });
});

describe.each(["before-paging", "after-paging"] as const)("MemberRoleFilter applied %s", (roleFilter) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { roleFilter } });
  });
  afterAll(() => h.close());

  // The owner and the admins come first in this group, so under "after-paging" the first page of
  // ordinary members is short although thousands follow: only a client that pages to MemberNum finds them.
  it("role-filtered summaries and searches find every member with the role", async () => {
    const group = DEMO_GROUP_IDS.publicLarge;
    const expected = h.emulator.control.expectedStats(group).by_role;
    const s = structured<{ by_role: { Admin: number; Member: number }; complete: boolean }>(
      await callTool(h.client, "summarize_group_members", { group_id: group, roles: ["Member"] }),
    );
    expect(s.complete).toBe(true);
    expect(s.by_role.Member).toBe(expected.Member);
    expect(s.by_role.Admin).toBe(0);
    const f = structured<{ found_total: number }>(
      await callTool(h.client, "find_group_members", { group_id: group, roles: ["Member"], count_only: true }),
    );
    expect(f.found_total).toBe(expected.Member);
  });

  it("paging get_group_member_info by hand with a role filter reaches every such member", async () => {
    const group = DEMO_GROUP_IDS.publicLarge;
    const seen = new Set<string>();
    let offset: number | undefined = 0;
    for (let i = 0; offset !== undefined && i < 100; i++) {
      type Page = { members: { account: string }[]; next: { offset?: number } | null };
      const args = { group_id: group, roles: ["Member"], limit: 200, offset };
      const d: Page = structured<Page>(await callTool(h.client, "get_group_member_info", args));
      for (const m of d.members) seen.add(m.account);
      offset = d.next?.offset;
    }
    expect(seen.size).toBe(h.emulator.control.expectedStats(group).by_role.Member);
  });
});

describe.each([false, true])("get_group_info returns a live group's member count: %s", (liveMemberNum) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { liveMemberNum } });
  });
  afterAll(() => h.close());

  it("the tools never call a live group's count members, and say where the online count is", async () => {
    const info = await callTool(h.client, "get_group_info", { group_ids: [DEMO_GROUP_IDS.avChatRoom] });
    const g = structured<{ groups: { member_num?: number }[] }>(info).groups[0]!;
    expect(g.member_num !== undefined).toBe(liveMemberNum);
    expect(textOf(info)).not.toMatch(/\d+ members/);
    expect(textOf(info)).toMatch(liveMemberNum ? /as reported \(not a member list\)/ : /not available for live groups/);
    const overview = await callTool(h.client, "get_groups_overview", {
      group_ids: [DEMO_GROUP_IDS.avChatRoom, DEMO_GROUP_IDS.public],
    });
    expect(structured<{ total_members: number }>(overview).total_members).toBe(40);
    expect(textOf(overview)).toMatch(/@TGS#aLIVEDEMO01 AVChatRoom "[^"]*": live group/);
  });
});

describe.each([false, true])("spaces inside group IDs allowed: %s", (spacesInGroupIds) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { spacesInGroupIds } });
  });
  afterAll(() => h.close());

  it("the ID is sent as given, and the answer says malformed (10015) or missing (10010)", async () => {
    const r = await callTool(h.client, "get_group_info", { group_ids: ["@TGS#2BAD ID"] });
    const e = structured<{ errors: { code: number; meaning: string }[] }>(r).errors[0]!;
    expect(e.code).toBe(spacesInGroupIds ? 10010 : 10015);
    if (!spacesInGroupIds) expect(textOf(r)).toMatch(/malformed/);
  });
});
