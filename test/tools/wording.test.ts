// Small wording fixes an agent reads: demo labels only on emulator data, next steps that are sentences,
// singular counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { DEMO_LABEL } from "../../src/mcp/result.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ argv: ["--demo"] });
});
afterAll(() => h.close());

describe("demo label", () => {
  it("marks answers that came from the emulator, not explain_chat_error's (it calls nothing)", async () => {
    expect(textOf(await callTool(h.client, "get_group_info", { group_ids: [DEMO_GROUP_IDS.public] }))).toContain(
      DEMO_LABEL,
    );
    expect(textOf(await callTool(h.client, "explain_chat_error", { code: 10010 }))).not.toContain(DEMO_LABEL);
  });
});

describe("next steps read as instructions", () => {
  it("a malformed resume_cursor says to pass it exactly or start over", async () => {
    const r = await callTool(h.client, "summarize_group_members", {
      group_id: DEMO_GROUP_IDS.public,
      resume_cursor: "not-a-cursor",
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/What to do next: Pass the resume_cursor string exactly/);
    expect(textOf(r)).not.toMatch(/Use a value for/);
  });

  it("an AVChatRoom in a member-list tool points to the online tools", async () => {
    const r = await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.avChatRoom });
    expect(textOf(r)).toMatch(/What to do next: Use summarize_online_members/);
    expect(textOf(r)).not.toMatch(/Use a value for group_id within/);
  });
});

describe("counts", () => {
  it("one error is 'error', not 'errors'", async () => {
    const r = await callTool(h.client, "get_groups_overview", {
      group_ids: [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.dismissed],
    });
    expect(textOf(r)).toMatch(/, 1 error\./);
  });
});

describe("hardening of small inputs and texts", () => {
  let w: Harness;
  beforeAll(async () => {
    w = await startHarness({ enableWrites: true });
  });
  afterAll(() => w.close());

  it("Tencent's words for an unknown code are quoted once in overview errors", async () => {
    w.emulator.control.setFaults({ rules: [{ kind: "error", code: 10099, info: "boom", apis: ["get_group_info"] }] });
    const r = await callTool(w.client, "get_groups_overview", { group_ids: [DEMO_GROUP_IDS.public] });
    w.emulator.control.clearFaults();
    expect(textOf(r).match(/Tencent says/g)?.length).toBe(1);
    expect(JSON.stringify(r.structuredContent).match(/Tencent says/g)?.length).toBe(1);
  });

  it("duplicate marks are sent once", async () => {
    const online = structured<{ members: { account: string }[] }>(
      await callTool(w.client, "get_online_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall }),
    );
    const account = online.members[0]!.account;
    const r = structured<{ marked: { account: string; marks: number[] }[] }>(
      await callTool(w.client, "set_member_marks", {
        group_id: DEMO_GROUP_IDS.avChatRoomSmall,
        action: "set",
        members: [{ account, marks: [1001, 1001, 1001] }],
      }),
    );
    expect(r.marked).toEqual([{ account, marks: [1001] }]);
  });

  it("custom keys with control characters are refused before any request", async () => {
    const before = w.emulator.control.totalCalls();
    const r = await callTool(w.client, "get_group_member_info", {
      group_id: DEMO_GROUP_IDS.public,
      custom_keys: ["ok", "bad\u0007key"],
    });
    expect(r.isError).toBe(true);
    expect(w.emulator.control.totalCalls()).toBe(before);
  });
});
