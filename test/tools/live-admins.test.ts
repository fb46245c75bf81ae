// A live group's own admin list (get_admin_list, modify_admin) and membership check (check_members on
// group_open_avchatroom_http_svc) through a real MCP client, read back from the emulator's state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ enableWrites: true });
});
afterAll(() => h.close());

const L = DEMO_GROUP_IDS.avChatRoomSmall;
const calls = (api: string) => h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:${api}`] ?? 0;

describe("live group admins", () => {
  it("adds admins (online or not), lists them, removes one; at most 5, refused before sending", async () => {
    expect(textOf(await callTool(h.client, "get_live_admins", { group_id: L }))).toBe(`${L} has no admins.`);
    const add = await callTool(h.client, "set_live_admins", {
      group_id: L,
      action: "add",
      accounts: ["guest_00001", "host_offline"],
    });
    expect(structured(add)).toMatchObject({ before: [], after: ["guest_00001", "host_offline"] });
    const listed = await callTool(h.client, "get_live_admins", { group_id: L });
    expect(textOf(listed)).toBe(`${L} has 2 admins: "guest_00001", "host_offline".`);
    const sent = calls("modify_admin");
    const tooMany = await callTool(h.client, "set_live_admins", {
      group_id: L,
      action: "add",
      accounts: ["a1", "a2", "a3", "a4"],
    });
    expect(textOf(tooMany)).toMatch(/would have 6 admins; a live group has at most 5/);
    expect(calls("modify_admin")).toBe(sent);
    const dry = await callTool(h.client, "set_live_admins", {
      group_id: L,
      action: "remove",
      accounts: ["host_offline"],
      dry_run: true,
    });
    expect(textOf(dry)).toMatch(
      /Would send modify_admin \{"GroupId":"@TGS#aLIVESMALL1","CommandType":2,"Admin_Account":\["host_offline"\]\}/,
    );
    expect(calls("modify_admin")).toBe(sent);
    await callTool(h.client, "set_live_admins", { group_id: L, action: "remove", accounts: ["host_offline"] });
    expect([...h.emulator.control.group(L)!.liveAdmins]).toEqual(["guest_00001"]);
  });

  it("refuses other group types with the tool to use instead", async () => {
    const r = await callTool(h.client, "set_live_admins", {
      group_id: DEMO_GROUP_IDS.public,
      action: "add",
      accounts: ["p_bob"],
    });
    expect(textOf(r)).toMatch(/is a Public group: this admin list is for live groups.*update_member/s);
  });
});

describe("check_members on a live group", () => {
  it("asks the live group's own check, 100 accounts a request, and names who is in it", async () => {
    const g = h.emulator.control.group(L)!;
    const inside = g.online.slice(0, 3).map((m) => m.Member_Account);
    const outside = Array.from({ length: 150 }, (_, i) => `away_${i}`);
    const before = calls("avchatroom_check_members");
    const r = await callTool(h.client, "check_members", { group_id: L, accounts: [...inside, ...outside] });
    const d = structured<{
      live_group: boolean;
      by_role: { Member: number; NotMember: number };
      members: { account: string }[];
    }>(r);
    expect(d.live_group).toBe(true);
    expect(d.by_role).toMatchObject({ Member: 3, NotMember: 150 });
    expect(d.members.map((m) => m.account)).toEqual(inside);
    expect(calls("avchatroom_check_members")).toBe(before + 2);
    expect(calls("get_role_in_group")).toBe(0);
    expect(textOf(r)).toMatch(/\(live group\): of 153 accounts checked, 3 are in it, 150 are not/);
  });
});
