import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

interface Summary {
  complete: boolean;
  scanned: number;
  member_num: number;
  by_role: { Owner: number; Admin: number; Member: number };
  muted: number;
  never_spoke: number;
  joined: Record<string, number>;
  last_spoke: Record<string, number>;
  owner: string | null;
  admins: string[];
  resume_cursor?: string;
  stopped_because: string;
  as_of: string;
}

let h: Harness;
beforeAll(async () => {
  // Fast limits for the 100k scans; the default 200/s is exercised elsewhere.
  h = await startHarness({
    enableWrites: true,
    emulator: { callsPerSecond: 5000 },
    clientOptions: { rateLimits: { default: 5000, perApi: {} } },
  });
});
afterAll(() => h.close());

function expectMatches(s: Summary, groupId: string) {
  // Windows and mutes are measured at the summary's own clock (as_of).
  const e = h.emulator.control.expectedStats(groupId, Date.parse(s.as_of) / 1000);
  expect(s.scanned).toBe(e.member_num);
  expect(s.member_num).toBe(e.member_num);
  expect(s.by_role).toEqual(e.by_role);
  expect(s.muted).toBe(e.muted);
  expect(s.never_spoke).toBe(e.never_spoke);
  expect(s.joined).toEqual(e.joined);
  expect(s.last_spoke).toEqual(e.last_spoke);
}

describe("summarize_group_members", () => {
  it.each([
    ["Private", DEMO_GROUP_IDS.private],
    ["Public", DEMO_GROUP_IDS.public],
    ["ChatRoom", DEMO_GROUP_IDS.chatRoom],
    ["owner-less Public", DEMO_GROUP_IDS.ownerless],
    ["Community", DEMO_GROUP_IDS.community],
    ["6,000-member Public (concurrent Offset pages)", DEMO_GROUP_IDS.publicLarge],
  ])("counts a %s group exactly", async (_n, id) => {
    const s = structured<Summary>(await callTool(h.client, "summarize_group_members", { group_id: id }));
    expect(s.complete).toBe(true);
    expectMatches(s, id);
  });

  it("counts the 100,000-member community exactly, every member once", async () => {
    const s = structured<Summary>(
      await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.community100k }),
    );
    expect(s.complete).toBe(true);
    expectMatches(s, DEMO_GROUP_IDS.community100k);
    expect(s.owner).toBe("g_0000000");
    expect(s.admins).toHaveLength(20);
  });

  it("resumes after a budget cut with the same totals as one uninterrupted scan", async () => {
    let cursor: string | undefined;
    let calls = 0;
    let s: Summary;
    do {
      s = structured<Summary>(
        await callTool(h.client, "summarize_group_members", {
          group_id: DEMO_GROUP_IDS.publicLarge,
          max_members: 1700 * (calls + 1),
          ...(cursor ? { resume_cursor: cursor } : {}),
        }),
      );
      cursor = s.resume_cursor;
      calls++;
    } while (!s.complete && calls < 10);
    expect(calls).toBe(4);
    expectMatches(s, DEMO_GROUP_IDS.publicLarge);
  });

  it("resumes a Community scan cut mid-page", async () => {
    const first = structured<Summary>(
      await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.community, max_members: 150 }),
    );
    expect(first).toMatchObject({ complete: false, scanned: 150, stopped_because: "max_items" });
    const rest = structured<Summary>(
      await callTool(h.client, "summarize_group_members", {
        group_id: DEMO_GROUP_IDS.community,
        resume_cursor: first.resume_cursor,
      }),
    );
    expect(rest.complete).toBe(true);
    expectMatches(rest, DEMO_GROUP_IDS.community);
  });

  it("stops at max_seconds with a resume cursor", async () => {
    h.emulator.control.setFaults({ latencyMs: 400 });
    const s = structured<Summary>(
      await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.community100k, max_seconds: 1 }),
    );
    h.emulator.control.clearFaults();
    expect(s.complete).toBe(false);
    expect(s.stopped_because).toBe("max_seconds");
    expect(s.resume_cursor).toBeTruthy();
    expect(s.scanned % 100).toBe(0);
  });

  it("rejects a cursor from another group or filter", async () => {
    const first = structured<Summary>(
      await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.community, max_members: 10 }),
    );
    const r = await callTool(h.client, "summarize_group_members", {
      group_id: DEMO_GROUP_IDS.community,
      roles: ["Admin"],
      resume_cursor: first.resume_cursor,
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/another call/);
    const bad = await callTool(h.client, "summarize_group_members", {
      group_id: DEMO_GROUP_IDS.community,
      resume_cursor: "garbage!",
    });
    expect(textOf(bad)).toMatch(/resume_cursor/);
  });

  it("counts one role only when asked", async () => {
    const s = structured<Summary>(
      await callTool(h.client, "summarize_group_members", {
        group_id: DEMO_GROUP_IDS.publicLarge,
        roles: ["Admin", "Owner"],
      }),
    );
    const e = h.emulator.control.expectedStats(DEMO_GROUP_IDS.publicLarge);
    expect(s.by_role).toEqual({ Owner: 1, Admin: e.by_role.Admin, Member: 0 });
    expect(s.complete).toBe(true);
  });

  it("points an AVChatRoom to summarize_online_members", async () => {
    const r = await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.avChatRoom });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/summarize_online_members/);
  });

  it("sends progress notifications in order", async () => {
    const seen: number[] = [];
    await callTool(
      h.client,
      "summarize_group_members",
      { group_id: DEMO_GROUP_IDS.publicLarge },
      { onprogress: (p) => seen.push(p.progress) },
    );
    expect(seen.length).toBeGreaterThanOrEqual(30);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(6000);
  });

  it("a cancelled call stops paging and aborts the request in flight", async () => {
    h.emulator.control.setFaults({ latencyMs: 300 });
    const ac = new AbortController();
    const logsBefore = h.logs.length;
    // Cancel as soon as the first page has been read (its progress notification), not after a fixed time.
    const p = callTool(
      h.client,
      "summarize_group_members",
      { group_id: DEMO_GROUP_IDS.community100k },
      { signal: ac.signal, onprogress: () => ac.abort("user cancelled") },
    );
    await expect(p).rejects.toThrow();
    // The handler logs how many REST calls it made when it returns: paging stopped after the first pages.
    await vi.waitFor(() =>
      expect(h.logs.slice(logsBefore).some((l) => l.includes("summarize_group_members: REST calls"))).toBe(true),
    );
    const line = h.logs.slice(logsBefore).find((l) => l.includes("summarize_group_members: REST calls"))!;
    expect(Number(/"get_group_member_info":(\d+)/.exec(line)?.[1])).toBeLessThan(4);
    h.emulator.control.clearFaults();
  });

  it("keeps the summary small whatever the group size", async () => {
    const small = await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.public });
    const big = await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.community100k });
    expect(JSON.stringify(big).length).toBeLessThan(JSON.stringify(small).length * 2);
  });
});

describe("find_group_members", () => {
  it("finds muted members and stops early", async () => {
    const before = h.emulator.control.totalCalls();
    const d = structured<{ matches: { muted: boolean }[]; complete: boolean; scanned: number; resume_cursor?: string }>(
      await callTool(h.client, "find_group_members", {
        group_id: DEMO_GROUP_IDS.community100k,
        muted: true,
        max_results: 5,
      }),
    );
    expect(d.matches).toHaveLength(5);
    expect(d.matches.every((m) => m.muted)).toBe(true);
    expect(d.complete).toBe(false);
    expect(d.resume_cursor).toBeTruthy();
    expect(h.emulator.control.totalCalls() - before).toBeLessThan(20); // far fewer than the 1,000 pages of a full scan
  });

  it("finds all matches across resumed calls exactly once", async () => {
    const expected = h.emulator.control.expectedStats(DEMO_GROUP_IDS.publicLarge).muted;
    const found = new Set<string>();
    let cursor: string | undefined;
    let calls = 0;
    for (;;) {
      const d = structured<{ matches: { account: string }[]; complete: boolean; resume_cursor?: string }>(
        await callTool(h.client, "find_group_members", {
          group_id: DEMO_GROUP_IDS.publicLarge,
          muted: true,
          max_results: 7,
          ...(cursor ? { resume_cursor: cursor } : {}),
        }),
      );
      for (const m of d.matches) {
        expect(found.has(m.account)).toBe(false);
        found.add(m.account);
      }
      calls++;
      if (d.complete) break;
      cursor = d.resume_cursor;
    }
    expect(found.size).toBe(expected);
    expect(calls).toBeGreaterThan(1);
  });

  it("matches text, roles, dates and accounts", async () => {
    const byText = structured<{ matches: { account: string }[] }>(
      await callTool(h.client, "find_group_members", { group_id: DEMO_GROUP_IDS.public, text: "IGNORE ALL" }),
    );
    expect(byText.matches.map((m) => m.account)).toEqual(["p_mallory"]);
    const byAccounts = structured<{ matches: { account: string }[]; complete: boolean }>(
      await callTool(h.client, "find_group_members", {
        group_id: DEMO_GROUP_IDS.publicLarge,
        accounts: ["pl_0000003", "pl_0000010"],
      }),
    );
    expect(byAccounts.matches.map((m) => m.account)).toEqual(["pl_0000003", "pl_0000010"]);
    expect(byAccounts.complete).toBe(true);
    const recent = new Date(Date.now() - 7 * 86400_000).toISOString();
    const joined = structured<{ matches: unknown[] }>(
      await callTool(h.client, "find_group_members", {
        group_id: DEMO_GROUP_IDS.community,
        joined_after: recent,
        max_results: 200,
      }),
    );
    expect(joined.matches).toHaveLength(h.emulator.control.expectedStats(DEMO_GROUP_IDS.community).joined.last_7_days);
    const silent = structured<{ matches: { last_send_msg_time: string | null }[] }>(
      await callTool(h.client, "find_group_members", { group_id: DEMO_GROUP_IDS.private, never_spoke: true }),
    );
    expect(silent.matches.length).toBe(h.emulator.control.expectedStats(DEMO_GROUP_IDS.private).never_spoke);
    const admins = structured<{ matches: { role: string }[] }>(
      await callTool(h.client, "find_group_members", { group_id: DEMO_GROUP_IDS.chatRoom, roles: ["Admin"] }),
    );
    expect(admins.matches.map((m) => m.role)).toEqual(["Admin", "Admin"]);
  });

  it("rejects a malformed date before any request", async () => {
    const before = h.emulator.control.totalCalls();
    const r = await callTool(h.client, "find_group_members", {
      group_id: DEMO_GROUP_IDS.public,
      joined_after: "last tuesday",
    });
    expect(r.isError).toBe(true);
    expect(h.emulator.control.totalCalls()).toBe(before);
  });
});

describe("summarize_online_members", () => {
  it("pages the whole online list and says it is capped", async () => {
    const d = structured<{ listed: number; may_be_capped: boolean; pages: number; complete: boolean }>(
      await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.avChatRoom }),
    );
    expect(d).toMatchObject({ listed: 1000, may_be_capped: true, pages: 2, complete: true });
  });

  it("adds the exact online count for a Community", async () => {
    const d = structured<{ listed: number; online_member_num: number }>(
      await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.community }),
    );
    expect(d).toMatchObject({ listed: 40, online_member_num: 40 });
  });

  it("points a Public group to summarize_group_members", async () => {
    const r = await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.public });
    expect(textOf(r)).toMatch(/10007[\s\S]*get_group_member_info|summarize_group_members/);
  });
});

describe("get_groups_overview", () => {
  it("covers 1,000 groups in batches with errors apart and a bounded answer", async () => {
    h.emulator.control.addGroups(
      Array.from({ length: 995 }, (_, i) => ({
        GroupId: `@TGS#OV${String(i).padStart(4, "0")}`,
        Type: i % 5 === 0 ? "Community" : "Public",
        memberCount: 3,
      })),
    );
    const ids = [
      ...Array.from({ length: 995 }, (_, i) => `@TGS#OV${String(i).padStart(4, "0")}`),
      DEMO_GROUP_IDS.dismissed,
      "@TGS#MISSING1",
      DEMO_GROUP_IDS.public,
      DEMO_GROUP_IDS.community,
      DEMO_GROUP_IDS.avChatRoom,
    ];
    const r = await callTool(h.client, "get_groups_overview", { group_ids: ids });
    const d = structured<{
      requested: number;
      found: number;
      rows: { id: string; type: string; members: number | null; online?: number }[];
      rows_omitted: number;
      errors: { code: number }[];
      batches: number;
    }>(r);
    expect(d).toMatchObject({ requested: 1000, found: 998, batches: 20, rows_omitted: 898 });
    expect(d.errors.map((e) => e.code)).toEqual([10010, 10010]);
    expect(d.rows).toHaveLength(100);
    // Largest first (a live group by its audience): the demo groups lead, the three-member ones follow.
    const sizes = d.rows.map((x) => (x.type === "AVChatRoom" ? (x.online ?? 0) : (x.members ?? 0)));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(d.rows[0]!.id).toBe(DEMO_GROUP_IDS.avChatRoom);
    // Every returned row is in the text, and the exact call for the omitted ones.
    const text = textOf(r);
    for (const row of d.rows as { id: string }[]) expect(text).toContain(row.id);
    const m = /The rest: call get_groups_overview with (\{.*\})$/m.exec(text);
    expect(JSON.parse(m![1]!).group_ids).toHaveLength(898);
    // One line for both 10010 errors, with the next step.
    expect(text).toMatch(/Error 10010 for 2 groups \(@TGS#2DISMISSED1, @TGS#MISSING1\): .+ Next: /);
    expect(JSON.stringify(r).length).toBeLessThan(90_000);
  });
});

describe("set_member_marks_bulk", () => {
  it("marks online accounts in chunks and reports left out and failed chunks", async () => {
    const online = Array.from({ length: 1200 }, (_, i) => `viewer_${String(i).padStart(5, "0")}`);
    const accounts = [...online.slice(0, 800), ...Array.from({ length: 200 }, (_, i) => `ghost_${i}`)];
    const args = { group_id: DEMO_GROUP_IDS.avChatRoom, action: "set", marks: [3000], accounts };
    // 1,000 accounts: confirmed by the token of a dry run, like every write above the threshold.
    const { confirm_token } = structured<{ confirm_token: string }>(
      await callTool(h.client, "set_member_marks_bulk", { ...args, dry_run: true }),
    );
    h.emulator.control.setFaults({
      rules: [{ kind: "error", code: 10004, info: "injected invalid parameter", count: 1, apis: ["modify_user_info"] }],
    });
    const d = structured<{
      marked: number;
      left_out: number;
      failed: number;
      chunks: { failed: number; error?: string }[];
    }>(await callTool(h.client, "set_member_marks_bulk", { ...args, confirm_token }));
    h.emulator.control.clearFaults();
    expect(d.chunks).toHaveLength(2);
    expect(d.failed).toBe(500); // one chunk failed, the others went on
    expect(d.marked + d.left_out + d.failed).toBe(1000);
    expect(d.left_out).toBeGreaterThanOrEqual(100);
    expect(d.chunks.filter((c) => c.failed > 0)[0]!.error).toMatch(/10004/);
  });

  it("dry_run shows the plan and sends no write (only the read-only checks)", async () => {
    const writes = () => h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:modify_user_info`] ?? 0;
    const before = writes();
    const d = structured<{ chunks: unknown[]; dry_run: boolean }>(
      await callTool(h.client, "set_member_marks_bulk", {
        group_id: DEMO_GROUP_IDS.avChatRoom,
        action: "delete",
        marks: [3001],
        accounts: Array.from({ length: 1001 }, (_, i) => `a${i}`),
        dry_run: true,
      }),
    );
    expect(d.chunks).toHaveLength(3);
    expect(writes()).toBe(before);
  });

  it("refuses to set one mark on more than 1,000 accounts before sending anything (a mark holds 1,000)", async () => {
    const before = h.emulator.control.totalCalls();
    const r = await callTool(h.client, "set_member_marks_bulk", {
      group_id: DEMO_GROUP_IDS.avChatRoom,
      action: "set",
      marks: [3002],
      accounts: Array.from({ length: 1001 }, (_, i) => `viewer_${String(i).padStart(5, "0")}`),
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/a mark holds at most 1000 members/);
    expect(h.emulator.control.totalCalls()).toBe(before);
  });
});
