// Small wording fixes an agent reads: demo labels only on emulator data, next steps that are sentences,
// singular counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { DEMO_LABEL } from "../../src/mcp/result.js";
import { callTool, type Harness, startHarness, textOf } from "../helpers/harness.js";

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
