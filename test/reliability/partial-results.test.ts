// A page that still fails after the client's retries must not throw a scan's work away: every aggregate
// answers with what it has, the failure, and a cursor that resumes to the exact fault-free totals.
// Rate-limit answers are outwaited within the call's budget instead of ending it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

const COMMUNITY = "@TGS#_partial_5k";
const PUBLIC = DEMO_GROUP_IDS.publicLarge;
const EMULATOR_LIMIT = 100;
let h: Harness;

interface Partial {
  complete: boolean;
  stopped_because: string;
  resume_cursor?: string;
  upstream_error?: { code: number | null; retryable: boolean; meaning: string; next_step: string };
}
type Summary = Partial & { scanned: number; by_role: unknown; muted: number; never_spoke: number; as_of: string };

/** 10002 on every member-list call after the first `after`: beyond any number of retries. */
function failMemberPagesAfter(after: number): void {
  h.emulator.control.setFaults({
    rules: [{ kind: "error", code: 10002, after, count: 10_000, apis: ["get_group_member_info"] }],
  });
}

/** Runs a call, then continues it from the text alone (the exact next call is written there) until complete. */
async function finishFromText<T extends Partial>(tool: string, first: T, firstText: string): Promise<T> {
  let d = first;
  let text = firstText;
  for (let i = 0; !d.complete && i < 50; i++) {
    const next = /To continue, call (\w+) with (\{.*\})$/m.exec(text);
    expect(next?.[1]).toBe(tool);
    const args = JSON.parse(next![2]!) as Record<string, unknown>;
    expect(args.resume_cursor).toBe(d.resume_cursor);
    const r = await callTool(h.client, tool, args);
    d = structured<T>(r);
    text = textOf(r);
  }
  return d;
}

beforeAll(async () => {
  h = await startHarness({
    emulator: { callsPerSecond: EMULATOR_LIMIT, seed: 11 },
    clientOptions: {
      rateLimits: { default: EMULATOR_LIMIT, perApi: {} },
      maxAttempts: 3,
      retryBaseDelayMs: 2,
      rateLimitDelayMs: 20,
    },
  });
  h.emulator.control.addGroups([{ GroupId: COMMUNITY, Type: "Community", memberCount: 5_000 }]);
});
afterAll(async () => {
  await h.close();
});

describe.each([
  ["Offset paging (Public, 6,000 members)", PUBLIC],
  ["Next cursor (Community, 5,000 members)", COMMUNITY],
])("summarize_group_members, %s", (_mode, group) => {
  it("fails mid-scan beyond the retries: partial counts, the failure, a cursor; resuming gives the exact totals", async () => {
    failMemberPagesAfter(5);
    const r = await callTool(h.client, "summarize_group_members", { group_id: group });
    h.emulator.control.clearFaults();
    const partial = structured<Summary>(r);
    expect(partial.complete).toBe(false);
    expect(partial.stopped_because).toBe("upstream_error");
    expect(partial.upstream_error).toMatchObject({ code: 10002, retryable: true });
    expect(partial.upstream_error?.next_step).toMatch(/resume_cursor/);
    expect(partial.scanned).toBeGreaterThan(0);
    expect(textOf(r)).toMatch(/upstream error 10002/);

    const done = await finishFromText("summarize_group_members", partial, textOf(r));
    expect(done.complete).toBe(true);
    const e = h.emulator.control.expectedStats(group, Date.parse(done.as_of) / 1000);
    expect({ scanned: done.scanned, by_role: done.by_role, muted: done.muted, never_spoke: done.never_spoke }).toEqual({
      scanned: e.member_num,
      by_role: e.by_role,
      muted: e.muted,
      never_spoke: e.never_spoke,
    });
  });
});

describe("find_group_members", () => {
  it("keeps the matches found before the failure and resumes to the fault-free total", async () => {
    const args = { group_id: COMMUNITY, muted: true, max_results: 200 };
    type Found = Partial & { found_total: number; scanned: number };
    const clean = structured<Found>(await callTool(h.client, "find_group_members", args));
    expect(clean.complete).toBe(true);
    expect(clean.found_total).toBeGreaterThan(0);

    failMemberPagesAfter(8);
    const r = await callTool(h.client, "find_group_members", args);
    h.emulator.control.clearFaults();
    const partial = structured<Found>(r);
    expect(partial).toMatchObject({ complete: false, stopped_because: "upstream_error" });
    expect(partial.scanned).toBeGreaterThan(0);
    const done = await finishFromText("find_group_members", partial, textOf(r));
    expect(done.found_total).toBe(clean.found_total);
  });
});

describe("summarize_online_members", () => {
  it("keeps the pages read before the failure and resumes to the same list", async () => {
    type Online = Partial & { listed: number; joined_last_hour: number };
    const clean = structured<Online>(
      await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.avChatRoom }),
    );
    h.emulator.control.setFaults({
      rules: [{ kind: "error", code: 10002, after: 1, count: 10_000, apis: ["get_members"] }],
    });
    const r = await callTool(h.client, "summarize_online_members", { group_id: DEMO_GROUP_IDS.avChatRoom });
    h.emulator.control.clearFaults();
    const partial = structured<Online>(r);
    expect(partial).toMatchObject({ complete: false, stopped_because: "upstream_error" });
    expect(partial.listed).toBeGreaterThan(0);
    expect(partial.listed).toBeLessThan(clean.listed);
    const done = await finishFromText("summarize_online_members", partial, textOf(r));
    expect(done).toMatchObject({ complete: true, listed: clean.listed, joined_last_hour: clean.joined_last_hour });
  });
});

describe("get_groups_overview", () => {
  it("reports a batch that failed beyond its retries apart, and names the call that fetches just those", async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `@TGS#2OVERVIEW${String(i).padStart(3, "0")}`);
    h.emulator.control.addGroups(ids.map((GroupId) => ({ GroupId, Type: "Public", memberCount: 3 })));
    // One batch of 50 gets through; every later get_group_info call fails.
    h.emulator.control.setFaults({
      rules: [{ kind: "error", code: 10002, after: 1, count: 10_000, apis: ["get_group_info"] }],
    });
    const r = await callTool(h.client, "get_groups_overview", { group_ids: ids });
    h.emulator.control.clearFaults();
    const d = structured<{ found: number; errors: { group_id: string; code: number; retryable?: boolean }[] }>(r);
    expect(d.found).toBe(50);
    expect(d.errors).toHaveLength(70);
    expect(d.errors.every((e) => e.code === 10002 && e.retryable === true)).toBe(true);
    const next = /call get_groups_overview with (\{.*\})/.exec(textOf(r));
    const retry = JSON.parse(next![1]!) as { group_ids: string[] };
    expect(retry.group_ids.sort()).toEqual(d.errors.map((e) => e.group_id).sort());
    const again = structured<{ found: number }>(await callTool(h.client, "get_groups_overview", retry));
    expect(again.found).toBe(70);
  });
});

describe("a failure before anything was read", () => {
  it("is a plain tool error (there is nothing to keep)", async () => {
    failMemberPagesAfter(0);
    const r = await callTool(h.client, "summarize_group_members", { group_id: COMMUNITY });
    h.emulator.control.clearFaults();
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/10002/);
  });
});

describe("a 30-answer 60007 storm inside a scan", () => {
  it.each([
    ["Next cursor", COMMUNITY],
    ["Offset paging", PUBLIC],
  ])("%s: the scan outwaits it and finishes exact, never above the emulator's limit", async (_m, group) => {
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    const refusedBefore = sum(h.emulator.control.stats().rateLimited);
    const injectedBefore = h.emulator.control.stats().faults.injected;
    h.emulator.control.setFaults({
      rules: [{ kind: "error", code: 60007, after: 3, count: 30, apis: ["get_group_member_info"] }],
    });
    const s = structured<Summary>(await callTool(h.client, "summarize_group_members", { group_id: group }));
    const stats = h.emulator.control.stats();
    h.emulator.control.clearFaults();
    expect(stats.faults.injected - injectedBefore).toBe(30);
    expect(s.complete).toBe(true);
    const e = h.emulator.control.expectedStats(group, Date.parse(s.as_of) / 1000);
    expect(s.scanned).toBe(e.member_num);
    expect(s.by_role).toEqual(e.by_role);
    // The storm was injected answers; the emulator's own limit never had to refuse a call.
    expect(sum(stats.rateLimited)).toBe(refusedBefore);
    for (const n of Object.values(stats.maxPerSecond)) expect(n).toBeLessThanOrEqual(EMULATOR_LIMIT);
  });

  it("a raw tool keeps its short retry count and says when to retry", async () => {
    h.emulator.control.setFaults({
      rules: [{ kind: "error", code: 60007, count: 30, apis: ["get_group_member_info"] }],
    });
    const before = h.emulator.control.stats().faults.injected;
    const r = await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public });
    const injected = h.emulator.control.stats().faults.injected - before;
    h.emulator.control.clearFaults();
    expect(r.isError).toBe(true);
    expect(injected).toBe(3); // maxAttempts of this harness
    expect(textOf(r)).toMatch(/60007[\s\S]*Retry\? yes/);
  });
});
