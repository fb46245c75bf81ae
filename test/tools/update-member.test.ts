// update_member (modify_group_member_info) through a real MCP client: each change read back through the
// other APIs, refusals before any request (owner's role, non-members, name cards over 50 bytes), dry runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ enableWrites: true });
});
afterAll(() => h.close());

const G = DEMO_GROUP_IDS.public;
const writes = () =>
  h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:modify_group_member_info`] ?? 0;
const member = (account: string) => {
  const g = h.emulator.control.group(G)!;
  return g.members.at(g.members.indexOf(account));
};

describe("update_member", () => {
  it("makes a member Admin, sets a name card, a mute and custom data; the other tools read them back", async () => {
    const r = await callTool(h.client, "update_member", {
      group_id: G,
      account: "p_bob",
      role: "Admin",
      name_card: "Bob (moderator) 鲍勃",
      mute_seconds: 600,
      custom: { Level: "9" },
    });
    const d = structured<{
      after: { role: string; name_card: string; muted: boolean; custom_data: Record<string, string> };
    }>(r);
    expect(d.after).toMatchObject({
      role: "Admin",
      name_card: "Bob (moderator) 鲍勃",
      muted: true,
      custom_data: { Level: "9" },
    });
    const roles = structured<{ roles: { account: string; role: string }[] }>(
      await callTool(h.client, "get_member_roles", { group_id: G, accounts: ["p_bob"] }),
    );
    expect(roles.roles[0]).toEqual({ account: "p_bob", role: "Admin" });
    const muted = structured<{ muted: { account: string }[] }>(
      await callTool(h.client, "get_muted_members", { group_id: G }),
    );
    expect(muted.muted.map((m) => m.account)).toContain("p_bob");
    expect(member("p_bob").AppMemberDefinedData).toContainEqual({ Key: "Level", Value: "9" });
    // Lift the mute, back to Member.
    await callTool(h.client, "update_member", { group_id: G, account: "p_bob", role: "Member", mute_seconds: 0 });
    expect(member("p_bob")).toMatchObject({ Role: "Member", MuteUntil: 0 });
  });

  it("refuses the owner's role, a non-member and a 51-byte name card before any write", async () => {
    const before = writes();
    const owner = await callTool(h.client, "update_member", { group_id: G, account: "p_alice", role: "Member" });
    expect(textOf(owner)).toMatch(/owns @TGS#2PUBLICDEMO: the owner's role cannot be changed/);
    const ghost = await callTool(h.client, "update_member", { group_id: G, account: "ghost_9", name_card: "x" });
    expect(textOf(ghost)).toMatch(/"ghost_9" is not a member/);
    const total = h.emulator.control.totalCalls();
    const long = await callTool(h.client, "update_member", {
      group_id: G,
      account: "p_bob",
      name_card: "鲍".repeat(17),
    });
    expect(long.isError).toBe(true);
    expect(textOf(long)).toMatch(/at most 50 bytes/);
    expect(h.emulator.control.totalCalls()).toBe(total);
    expect(writes()).toBe(before);
  });

  it("a dry run shows the member now and what would change, sends nothing, and needs nothing to be named twice", async () => {
    const before = writes();
    const dry = await callTool(h.client, "update_member", {
      group_id: G,
      account: "p_carol",
      name_card: "Carol",
      dry_run: true,
    });
    expect(textOf(dry)).toMatch(
      /Dry run, nothing was sent\. Now: "p_carol"[\s\S]*Would send modify_group_member_info for "p_carol" in @TGS#2PUBLICDEMO: name card "Carol"/,
    );
    expect(writes()).toBe(before);
    const nothing = await callTool(h.client, "update_member", { group_id: G, account: "p_carol" });
    expect(textOf(nothing)).toMatch(/give role, name_card, mute_seconds or custom/);
    const live = await callTool(h.client, "update_member", {
      group_id: DEMO_GROUP_IDS.avChatRoom,
      account: "viewer_00001",
      name_card: "x",
    });
    expect(live.isError).toBe(true);
    expect(textOf(live)).toMatch(/get_online_members/);
  });
});
