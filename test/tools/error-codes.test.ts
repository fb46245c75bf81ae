// Every documented error code the APIs can return becomes an actionable tool error.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeChatError } from "../../src/chat/error-codes.js";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, textOf } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clientOptions: { maxAttempts: 2 } });
});
afterAll(() => h.close());

const SEED_CODES = [10001, 10002, 10003, 10004, 10007, 10010, 10015, 10018];
const PUBLIC_CODES = [
  60002, 60003, 60004, 60006, 60007, 60008, 60010, 60011, 60020, 60021, 70001, 70003, 70009, 70013, 70014, 70016, 70020,
  70050,
];

describe.each([
  ["get_group_member_info", { group_id: DEMO_GROUP_IDS.public }],
  ["get_online_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall }],
  ["get_online_member_num", { group_id: DEMO_GROUP_IDS.community }],
])("%s", (tool, args) => {
  it.each([...SEED_CODES, ...PUBLIC_CODES])("turns ErrorCode %i into what/retry/next", async (code) => {
    h.emulator.control.setFaults({ rules: [{ kind: "error", code, info: `injected ${code}`, count: 10 }] });
    const r = await callTool(h.client, tool, args);
    h.emulator.control.clearFaults();
    const text = textOf(r);
    expect(r.isError).toBe(true);
    expect(text).toContain(`Chat API error ${code}`);
    expect(text).toContain(`injected ${code}`);
    expect(text).toMatch(/What went wrong: .+\nRetry\? (yes|no).*\nWhat to do next: .+/);
    expect(text).toContain(describeChatError(code).retryable ? "Retry? yes" : "Retry? no");
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe("concurrency", () => {
  it("a slow call does not block other calls", async () => {
    h.emulator.control.setFaults({ rules: [{ kind: "slow", ms: 1500, count: 1, apis: ["get_members"] }] });
    const order: string[] = [];
    const slow = callTool(h.client, "get_online_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall }).then(() =>
      order.push("slow"),
    );
    // The fast call starts once the slow one has reached the emulator (an event, not a fixed wait).
    await vi.waitFor(() => expect(h.emulator.control.stats().faults.byKind.slow ?? 0).toBeGreaterThan(0));
    const fast = callTool(h.client, "get_group_info", { group_ids: [DEMO_GROUP_IDS.public] }).then(() =>
      order.push("fast"),
    );
    await Promise.all([slow, fast]);
    h.emulator.control.clearFaults();
    expect(order).toEqual(["fast", "slow"]);
  });
});

describe("errors name the tool called and the REST API behind them", () => {
  let w: Harness;
  beforeAll(async () => {
    w = await startHarness({ enableWrites: true });
  });
  afterAll(() => w.close());

  it("a write whose group read fails says which tool could not read the group, through which REST API", async () => {
    const r = await callTool(w.client, "mute_members", {
      group_id: "@TGS#2NOSUCHGROUP",
      accounts: ["p_bob"],
      duration_seconds: 60,
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(
      /^mute_members could not read the group: REST group_open_http_svc\/get_group_info answered Chat API error 10010/,
    );
    expect(textOf(r)).toMatch(/What to do next: .+/);
  });

  it("per-group errors of a batch carry meaning and next step, once per kind of error", async () => {
    const r = await callTool(w.client, "get_group_info", {
      group_ids: [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.dismissed, "@TGS#2NOSUCHGROUP"],
    });
    const text = textOf(r);
    expect(text).toMatch(/Error 10010 for 2 groups \(@TGS#2DISMISSED1, @TGS#2NOSUCHGROUP\): .+ Next: .+/);
    const d = r.structuredContent as { errors: { next_step: string }[] };
    for (const e of d.errors) expect(e.next_step.length).toBeGreaterThan(10);
  });
});
