// get_member_profiles (get_specified_group_member_info) through a real MCP client: named members' profiles
// in requests of 50, the others reported as not members, live groups refused with the tool to use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const calls = () =>
  h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:get_specified_group_member_info`] ?? 0;

describe("get_member_profiles", () => {
  it("reads named members in requests of 50 and names the accounts that are not members", async () => {
    const g = h.emulator.control.group(DEMO_GROUP_IDS.public)!;
    const members = Array.from({ length: g.members.count() }, (_, i) => g.members.at(i));
    const ghosts = Array.from({ length: 20 }, (_, i) => `ghost_${i}`);
    const accounts = [...members.map((m) => String(m.Member_Account)), ...ghosts];
    const before = calls();
    const r = await callTool(h.client, "get_member_profiles", { group_id: DEMO_GROUP_IDS.public, accounts });
    const d = structured<{ members: { account: string; role: string }[]; not_members: string[] }>(r);
    expect(calls() - before).toBe(Math.ceil(accounts.length / 50));
    expect(d.members.map((m) => m.account)).toEqual(members.map((m) => m.Member_Account));
    expect(d.members.map((m) => m.role)).toEqual(members.map((m) => m.Role));
    expect(d.not_members).toEqual(ghosts);
    expect(textOf(r)).toMatch(new RegExp(`^${members.length} of ${accounts.length} accounts are members`));
    expect(textOf(r)).toContain(`Not members: "ghost_0"`);
  });

  it("refuses a live group with the tool to use, and 501 accounts before any request", async () => {
    const live = await callTool(h.client, "get_member_profiles", {
      group_id: DEMO_GROUP_IDS.avChatRoom,
      accounts: ["a"],
    });
    expect(live.isError).toBe(true);
    expect(textOf(live)).toMatch(/get_online_members/);
    const before = h.emulator.control.totalCalls();
    const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect(
      (await callTool(h.client, "get_member_profiles", { group_id: DEMO_GROUP_IDS.public, accounts: many })).isError,
    ).toBe(true);
    expect(h.emulator.control.totalCalls()).toBe(before);
  });
});

describe("emulator: get_specified_group_member_info as documented", () => {
  it("answers the page's request form, leaves non-members out, and refuses 51 accounts with 10004", async () => {
    const { rawCall } = await import("../helpers/raw-call.js");
    const path = "/v4/group_open_http_svc/get_specified_group_member_info";
    const ok = await rawCall(h.emulator, path, {
      GroupId: DEMO_GROUP_IDS.public,
      Member_List_Account: ["p_alice", "peter"],
      MemberInfoFilter: ["Role", "JoinTime"],
    });
    expect(ok.json).toMatchObject({ ActionStatus: "OK", ErrorCode: 0 });
    expect((ok.json.MemberList as { Member_Account: string }[]).map((m) => m.Member_Account)).toEqual(["p_alice"]);
    const tooMany = await rawCall(h.emulator, path, {
      GroupId: DEMO_GROUP_IDS.public,
      Member_List_Account: Array.from({ length: 51 }, (_, i) => `u${i}`),
    });
    expect(tooMany.json.ErrorCode).toBe(10004);
  });
});
