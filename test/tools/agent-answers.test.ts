// Answers an agent can act on from the text alone: partial results name the exact next call, requested
// fields appear, dry runs check before anything is sent, budgets hold, counts say what they cover.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ enableWrites: true });
});
afterAll(() => h.close());

/** Follows "To continue, call <tool> with {...}" in the text (what a text-only host gives the model). */
async function continueFromText(tool: string, args: Record<string, unknown>) {
  let r = await callTool(h.client, tool, args);
  for (let i = 0; i < 100; i++) {
    const next = /To continue, call (\w+) with (\{.*\})$/m.exec(textOf(r));
    if (!next) break;
    expect(next[1]).toBe(tool);
    r = await callTool(h.client, tool, JSON.parse(next[2]!) as Record<string, unknown>);
  }
  return r;
}

describe("continue from the text alone", () => {
  it("a summary cut by max_members resumes from its text to the exact totals", async () => {
    const r = await continueFromText("summarize_group_members", {
      group_id: DEMO_GROUP_IDS.publicLarge,
      max_members: 1500,
    });
    const d = structured<{ complete: boolean; scanned: number; muted: number; as_of: string }>(r);
    const e = h.emulator.control.expectedStats(DEMO_GROUP_IDS.publicLarge, Date.parse(d.as_of) / 1000);
    expect(d).toMatchObject({ complete: true, scanned: 6000, muted: e.muted });
  });

  it("a search cut by max_results resumes from its text to every match", async () => {
    const r = await continueFromText("find_group_members", {
      group_id: DEMO_GROUP_IDS.publicLarge,
      never_spoke: true,
      max_results: 200,
    });
    const d = structured<{ complete: boolean; found_total: number; as_of?: string }>(r);
    expect(d.complete).toBe(true);
    expect(d.found_total).toBe(h.emulator.control.expectedStats(DEMO_GROUP_IDS.publicLarge).never_spoke);
  });
});

describe("what a call asked for is in the text", () => {
  it("get_group_info renders the requested fields, custom data and members", async () => {
    const only = textOf(
      await callTool(h.client, "get_group_info", { group_ids: [DEMO_GROUP_IDS.public], fields: ["introduction"] }),
    );
    expect(only).toMatch(/introduction: "TestGroup"/);
    expect(only).not.toMatch(/: \?/);
    // An empty text says nothing: left out of the text (issue 27), kept in the structured result.
    const empty = await callTool(h.client, "get_group_info", {
      group_ids: [DEMO_GROUP_IDS.chatRoom],
      fields: ["introduction", "face_url"],
    });
    expect(textOf(empty)).not.toMatch(/introduction|face_url/);
    expect(structured<{ groups: { introduction: string }[] }>(empty).groups[0]!.introduction).toBe("");
    const all = textOf(
      await callTool(h.client, "get_group_info", {
        group_ids: [DEMO_GROUP_IDS.public],
        include_members: true,
        group_custom_keys: ["GroupTestData1"],
      }),
    );
    expect(all).toMatch(/members: "p_alice" \(Owner\)/);
  });

  it("more than 50 IDs points to get_groups_overview", async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `@TGS#2X${i}`);
    const r = await callTool(h.client, "get_group_info", { group_ids: ids });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/get_groups_overview/);
  });
});

describe("honest counts", () => {
  it("the overview keeps live groups' audiences out of the member total", async () => {
    const r = await callTool(h.client, "get_groups_overview", {
      group_ids: [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.avChatRoom],
    });
    const d = structured<{ total_members: number; rows: { id: string; members: number | null }[] }>(r);
    const pub = d.rows.find((x) => x.id === DEMO_GROUP_IDS.public)!;
    expect(d.total_members).toBe(pub.members);
    expect(textOf(r)).toMatch(/1 live groups not counted/);
    expect(textOf(r)).not.toMatch(/@TGS#aLIVEDEMO01 AVChatRoom "[^"]*": \d+ members/);
  });

  it("a capped online list says how far back it reaches and marks longer windows as lower bounds", async () => {
    // 1,500 online members who joined a second apart: the 1,000 newest listed reach back about 17 minutes.
    const r = await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.community100k });
    const d = structured<{ list_covers_minutes: number; may_be_capped: boolean; joined_last_hour: number }>(r);
    expect(d.may_be_capped).toBe(true);
    expect(d.list_covers_minutes).toBeLessThan(60);
    expect(textOf(r)).toMatch(/in the last hour: \d+\+/);
    expect(textOf(r)).toMatch(/reaches back only \d+ minutes/);
    // A list that reaches back further than an hour counts the last hour exactly: no "+".
    const wide = await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.avChatRoom });
    expect(structured<{ list_covers_minutes: number }>(wide).list_covers_minutes).toBeGreaterThan(60);
    expect(textOf(wide)).toMatch(/in the last hour: \d+\./);
  });
});

describe("dry runs that check", () => {
  const marksCalls = () => h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:modify_user_info`] ?? 0;

  it("a Public group: says the real call would fail with 10007, sends nothing", async () => {
    const before = marksCalls();
    const r = await callTool(h.client, "set_member_marks", {
      group_id: DEMO_GROUP_IDS.public,
      action: "set",
      members: [{ account: "p_alice", marks: [1001] }],
      dry_run: true,
    });
    const d = structured<{ checks: { would_succeed: boolean; group_type: string } }>(r);
    expect(d.checks).toMatchObject({ would_succeed: false, group_type: "Public" });
    expect(textOf(r)).toMatch(/would FAIL[\s\S]*10007/);
    expect(textOf(r)).toMatch(/Would send: modify_user_info \{"GroupId":"@TGS#2PUBLICDEMO","CommandType":1/);
    expect(marksCalls()).toBe(before);
  });

  it("a dismissed group: names the 10010", async () => {
    const r = await callTool(h.client, "set_member_marks_bulk", {
      group_id: DEMO_GROUP_IDS.dismissed,
      action: "set",
      marks: [1001],
      accounts: ["a", "b"],
      dry_run: true,
    });
    expect(structured<{ checks: { would_succeed: boolean } }>(r).checks.would_succeed).toBe(false);
    expect(textOf(r)).toMatch(/would FAIL: error 10010/);
  });

  it("an AVChatRoom: lists the accounts that are not online and would be left out", async () => {
    const online = structured<{ members: { account: string }[] }>(
      await callTool(h.client, "get_online_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall }),
    ).members[0]!.account;
    const r = await callTool(h.client, "set_member_marks", {
      group_id: DEMO_GROUP_IDS.avChatRoomSmall,
      action: "set",
      members: [
        { account: online, marks: [1001] },
        { account: "guest_away1", marks: [1001] },
      ],
      dry_run: true,
    });
    const d = structured<{ left_out: string[]; checks: { would_succeed: boolean; not_online: number } }>(r);
    expect(d.left_out).toEqual(["guest_away1"]);
    expect(d.checks).toMatchObject({ would_succeed: true, not_online: 1 });
  });
});

describe("bulk chunk errors", () => {
  it("keep Tencent's words and say when a retry cannot help", async () => {
    h.emulator.control.setFaults({
      rules: [{ kind: "error", code: 10004, info: "the number of marks exceeds 10", apis: ["modify_user_info"] }],
    });
    const r = await callTool(h.client, "set_member_marks_bulk", {
      group_id: DEMO_GROUP_IDS.avChatRoomSmall,
      action: "set",
      marks: [1001],
      accounts: ["viewer_1"],
    });
    h.emulator.control.clearFaults();
    const d = structured<{ chunks: { retryable?: boolean; error?: string }[] }>(r);
    expect(d.chunks[0]).toMatchObject({ retryable: false });
    expect(d.chunks[0]!.error).toMatch(/marks exceeds 10/);
    expect(textOf(r)).toMatch(/A retry of the same request cannot help/);
  });
});

describe("budgets that hold", () => {
  it("a stalled get_group_info does not stretch a scan past its budget", async () => {
    h.emulator.control.setFaults({ rules: [{ kind: "slow", ms: 20_000, apis: ["get_group_info"] }] });
    const started = Date.now();
    const r = await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.public, max_seconds: 1 });
    const elapsed = Date.now() - started;
    h.emulator.control.clearFaults();
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/time budget ran out[\s\S]*larger max_seconds/);
    // max_seconds (1 s) plus scheduling; far from the 20 s stall or the 10 s request timeout.
    expect(elapsed).toBeLessThan(5000);
  });
});

describe("member text that reads like instructions", () => {
  it("gets a one-line warning in the answer", async () => {
    const r = await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public, limit: 50 });
    expect(textOf(r)).toMatch(/Warning: member-written text in this answer reads like instructions/);
    const calm = await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.private });
    expect(textOf(calm)).not.toMatch(/reads like instructions/);
  });
});

describe("demo data that cannot flake", () => {
  it("the day windows of the demo groups give the same counts for hours after start", () => {
    const anchor = h.emulator.control.anchorSeconds;
    for (const g of [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.private, DEMO_GROUP_IDS.chatRoom]) {
      const at = h.emulator.control.expectedStats(g, anchor);
      const later = h.emulator.control.expectedStats(g, anchor + 6 * 3600);
      expect({ joined: later.joined, last_spoke: later.last_spoke }).toEqual({
        joined: at.joined,
        last_spoke: at.last_spoke,
      });
    }
  });
});

describe("smaller answers", () => {
  it("find_group_members counts without listing, and lists only the fields asked for", async () => {
    const counted = structured<{ found_total: number; matches: unknown[]; complete: boolean }>(
      await callTool(h.client, "find_group_members", {
        group_id: DEMO_GROUP_IDS.publicLarge,
        never_spoke: true,
        count_only: true,
      }),
    );
    expect(counted).toMatchObject({ complete: true, matches: [] });
    expect(counted.found_total).toBe(h.emulator.control.expectedStats(DEMO_GROUP_IDS.publicLarge).never_spoke);
    const slim = structured<{ matches: Record<string, unknown>[] }>(
      await callTool(h.client, "find_group_members", {
        group_id: DEMO_GROUP_IDS.public,
        roles: ["Admin"],
        fields: ["role"],
      }),
    );
    expect(slim.matches.length).toBeGreaterThan(0);
    for (const m of slim.matches) expect(Object.keys(m).sort()).toEqual(["account", "role"]);
  });

  it("get_online_members leaves avatars out unless asked, and names every account in the text", async () => {
    const r = await callTool(h.client, "get_online_members", { group_id: DEMO_GROUP_IDS.avChatRoom });
    const d = structured<{ members: Record<string, unknown>[] }>(r);
    expect(d.members.length).toBe(500);
    expect(d.members.some((m) => "avatar" in m)).toBe(false);
    for (const m of d.members) expect(textOf(r)).toContain(String(m.account));
    const withAvatars = structured<{ members: Record<string, unknown>[] }>(
      await callTool(h.client, "get_online_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall, fields: ["avatar"] }),
    );
    expect(Object.keys(withAvatars.members[0]!).sort()).toEqual(["account", "avatar"]);
  });
});

describe("the true online count next to the capped list", () => {
  it("a live group reports every online member, not only the 1,000 the list shows", async () => {
    const r = await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.avChatRoom });
    const d = structured<{ listed: number; online_member_num: number }>(r);
    expect(d.listed).toBe(1000);
    expect(d.online_member_num).toBe(h.emulator.control.group(DEMO_GROUP_IDS.avChatRoom)!.online.length);
    expect(d.online_member_num).toBeGreaterThan(1000);
    expect(textOf(r)).toMatch(
      /Online now: \d+ \(live-group count, refreshed every 10 s\); the list shows 1000 of them/,
    );
  });
});

describe("online pages that overlap", () => {
  it("viewers of the boundary second, returned on two pages (inclusive NextTimestamp), are counted once", async () => {
    const g = h.emulator.control.group(DEMO_GROUP_IDS.avChatRoom)!;
    const sorted = [...g.online].sort((a, b) => b.JoinTime - a.JoinTime);
    // Four viewers around the first page's end (500 per page) join in the same second.
    const boundary = sorted.slice(498, 502);
    const saved = boundary.map((m) => m.JoinTime);
    for (const m of boundary) m.JoinTime = saved[1]!;
    try {
      const d = structured<{ listed: number; pages: number }>(
        await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.avChatRoom }),
      );
      expect(d.pages).toBeGreaterThan(2); // the overlap made a third page
      expect(d.listed).toBe(1000);
    } finally {
      boundary.forEach((m, i) => {
        m.JoinTime = saved[i]!;
      });
    }
  });
});
