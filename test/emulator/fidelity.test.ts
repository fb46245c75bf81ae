// The emulator's answers have the same shape and types as the docs' JSON examples (fixtures).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_GROUP_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { docFixture, shapeOf } from "../helpers/fixtures.js";
import { rawCall } from "../helpers/raw-call.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.stop());

/** Doc examples use IDs that exist only in the docs; swap in a demo group of the same type. */
function withGroup<T extends Record<string, unknown>>(req: T, id: string): T {
  return { ...req, GroupId: id };
}

describe("emulator vs the docs' examples", () => {
  it("get_members (get_members page)", async () => {
    const req = withGroup(docFixture("get_members.request.jsonc"), DEMO_GROUP_IDS.avChatRoomSmall);
    const res = await rawCall(emu, "/v4/group_open_avchatroom_http_svc/get_members", req);
    expect(res.status).toBe(200);
    expect(shapeOf(res.json)).toEqual(shapeOf(docFixture("get_members.response.jsonc")));
    const marked = await rawCall(
      emu,
      "/v4/group_open_avchatroom_http_svc/get_members",
      withGroup(docFixture("get_members.request-mark.jsonc"), DEMO_GROUP_IDS.avChatRoomSmall),
    );
    expect(marked.json.ErrorCode).toBe(0);
  });

  it("get_online_member_num (https://trtc.io/document/66883)", async () => {
    const req = withGroup(docFixture("get_online_member_num.request.jsonc"), DEMO_GROUP_IDS.community);
    const res = await rawCall(emu, "/v4/million_group_open_http_svc/get_online_member_num", req);
    expect(shapeOf(res.json)).toEqual(shapeOf(docFixture("get_online_member_num.response.jsonc")));
  });

  it("get_group_member_info, Offset mode with every filter (its doc page)", async () => {
    const req = withGroup(docFixture("get_group_member_info.request-offset.jsonc"), DEMO_GROUP_IDS.public);
    const res = await rawCall(emu, "/v4/group_open_http_svc/get_group_member_info", req);
    const doc = docFixture("get_group_member_info.response-community.jsonc");
    delete doc.Next; // returned only for a community group
    const shape = shapeOf(doc) as { MemberList: Record<string, unknown>[] };
    shape.MemberList[0]!.NameCard = "string"; // requested by the filter; the doc's example leaves it out
    expect(shapeOf(res.json)).toEqual(shape);
    const roles = new Set((res.json.MemberList as { Role: string }[]).map((m) => m.Role));
    expect(roles.has("Admin")).toBe(false); // MemberRoleFilter Owner, Member
  });

  it("get_group_member_info without custom-data filter matches the plain example (its doc page)", async () => {
    const res = await rawCall(emu, "/v4/group_open_http_svc/get_group_member_info", {
      GroupId: DEMO_GROUP_IDS.public,
      Limit: 2,
      Offset: 0,
    });
    const doc = docFixture<Record<string, unknown>>("get_group_member_info.response-offset.jsonc");
    const withNameCard = shapeOf(doc) as { MemberList: Record<string, unknown>[] };
    withNameCard.MemberList[0]!.NameCard = "string"; // the field list (its doc page) includes NameCard; this example omits it
    expect(shapeOf(res.json)).toEqual(withNameCard);
  });

  it("get_group_member_info, Community Next mode (its doc page)", async () => {
    const req = withGroup(docFixture("get_group_member_info.request-next.jsonc"), DEMO_GROUP_IDS.community);
    const res = await rawCall(emu, "/v4/group_open_http_svc/get_group_member_info", {
      ...req,
      AppDefinedDataFilter_GroupMember: ["MemberDefined1", "MemberDefined2"],
    });
    const doc = docFixture("get_group_member_info.response-community.jsonc");
    const shape = shapeOf(doc) as { MemberList: Record<string, unknown>[] };
    shape.MemberList[0]!.NameCard = "string";
    expect(shapeOf(res.json)).toEqual(shape);
    expect(res.json.Next).toMatch(/^\d{17,}$/); // looks like an integer above 2^53, sent as a string
  });

  it("get_group_info without and with ResponseFilter (get_group_info page)", async () => {
    const req = {
      ...docFixture<Record<string, unknown>>("get_group_info.request.jsonc"),
      GroupIdList: [DEMO_GROUP_IDS.public],
    };
    const res = await rawCall(emu, "/v4/group_open_http_svc/get_group_info", req);
    const shape = shapeOf(docFixture("get_group_info.response.jsonc")) as {
      GroupInfo: { MemberList: Record<string, unknown>[] }[];
    };
    shape.GroupInfo[0]!.MemberList[0]!.NameCard = "string"; // a documented member field (its field list) the example omits
    expect(shapeOf(res.json)).toEqual(shape);
    const filtered = await rawCall(emu, "/v4/group_open_http_svc/get_group_info", {
      ...docFixture<Record<string, unknown>>("get_group_info.request-filter.jsonc"),
      GroupIdList: [DEMO_GROUP_IDS.public],
    });
    const g = (filtered.json.GroupInfo as Record<string, unknown>[])[0]!;
    expect(Object.keys(g).sort()).toEqual([
      "AppDefinedData",
      "ErrorCode",
      "ErrorInfo",
      "GroupId",
      "Introduction",
      "MemberList",
      "Name",
      "Notification",
      "Type",
    ]);
    const m = (g.MemberList as Record<string, unknown>[])[0]!;
    expect(Object.keys(m).sort()).toEqual(["AppMemberDefinedData", "Member_Account", "Role"]);
    // Custom data with control characters, as the doc shows ("abc\u0000\u0001").
    expect((g.AppDefinedData as { Value: string }[]).some((kv) => kv.Value.includes("\u0000"))).toBe(true);
  });

  it("modify_user_info set and delete (modify_user_info page, trailing commas in the doc's request)", async () => {
    const set = docFixture<{ MemberList: { Member_Account: string }[] }>("modify_user_info.request-set.jsonc");
    set.MemberList[0]!.Member_Account = "guest_00010";
    set.MemberList[1]!.Member_Account = "guest_00011";
    const res = await rawCall(emu, "/v4/group_open_avchatroom_http_svc/modify_user_info", {
      ...set,
      GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
    });
    expect(shapeOf(res.json)).toEqual(shapeOf(docFixture("modify_user_info.response.jsonc")));
    const del = docFixture<{ MemberList: { Member_Account: string }[] }>("modify_user_info.request-delete.jsonc");
    del.MemberList[0]!.Member_Account = "guest_00010";
    del.MemberList[1]!.Member_Account = "guest_00011";
    const res2 = await rawCall(emu, "/v4/group_open_avchatroom_http_svc/modify_user_info", {
      ...del,
      GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
    });
    expect(res2.json).toMatchObject({ ErrorCode: 0, CommandType: 2 });
    expect(emu.control.group(DEMO_GROUP_IDS.avChatRoomSmall)!.marks.has("guest_00010")).toBe(false);
  });

  it("get_appid_group_list: the page's request, its answer's shape, and a uint64 Next sent as bare digits", async () => {
    // One call per second per app: a clock of our own moves a second between calls instead of sleeping.
    let clock = Date.now();
    const emu = await startEmulator({ port: 0, now: () => clock });
    const tick = () => {
      clock += 1000;
    };
    const path = "/v4/group_open_http_svc/get_appid_group_list";
    const res = await rawCall(emu, path, docFixture("get_appid_group_list.request.jsonc"));
    expect(shapeOf(res.json)).toEqual(shapeOf(docFixture("get_appid_group_list.response.jsonc")));
    expect(res.json.Next).toBe(0); // every Public group fits in 1,000
    // A short page: Next is an integer beyond 2^53, written without quotes.
    tick();
    const first = await rawCall(emu, path, { Limit: 2, Next: 0 });
    const digits = /"Next":(\d+)[,}]/.exec(first.text)?.[1];
    expect(digits).toMatch(/^\d{19,20}$/);
    expect(BigInt(digits!) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    tick();
    const second = await rawCall(emu, path, undefined, { body: `{"Limit":2,"Next":${digits}}` });
    expect(second.json.ErrorCode).toBe(0);
    expect((second.json.GroupIdList as unknown[]).length).toBe(2);
    // The same cursor after a trip through a double names no page.
    tick();
    const rounded = await rawCall(emu, path, undefined, { body: `{"Limit":2,"Next":${Number(digits)}}` });
    expect(rounded.json.ErrorCode).toBe(10004);
    // Within the same second the next call is refused.
    expect((await rawCall(emu, path, {})).json.ErrorCode).toBe(60007);
    await emu.stop();
  });

  it("get_joined_group_list with the page's filters: the answer's items have the documented shape", async () => {
    const req = { ...docFixture<Record<string, unknown>>("get_joined_group_list.request-filter.jsonc") };
    req.Member_Account = DEMO_ACCOUNTS.alice;
    const res = await rawCall(emu, "/v4/group_open_http_svc/get_joined_group_list", req);
    expect(res.json.ErrorCode).toBe(0);
    const doc = docFixture<{ GroupIdList: unknown[] }>("get_joined_group_list.response-filter.jsonc");
    expect(shapeOf((res.json.GroupIdList as unknown[])[0])).toEqual(shapeOf(doc.GroupIdList[0]));
    expect(shapeOf({ ...res.json, GroupIdList: [] })).toEqual(shapeOf({ ...doc, GroupIdList: [] }));
    // Without a filter only the IDs come back.
    const bare = await rawCall(emu, "/v4/group_open_http_svc/get_joined_group_list", {
      Member_Account: "alice",
      Limit: 1,
    });
    expect(Object.keys((bare.json.GroupIdList as object[])[0]!)).toEqual(["GroupId"]);
  });

  it("get_role_in_group: Owner, Admin and NotMember in the documented shape; AVChatRoom answers 10007", async () => {
    const req = docFixture<{ User_Account: string[] }>("get_role_in_group.request.jsonc");
    const res = await rawCall(emu, "/v4/group_open_http_svc/get_role_in_group", {
      GroupId: "@TGS#2CLUB00",
      User_Account: [DEMO_ACCOUNTS.alice, "k0_bob", req.User_Account[2]],
    });
    expect(shapeOf(res.json)).toEqual(shapeOf(docFixture("get_role_in_group.response.jsonc")));
    expect((res.json.UserIdList as { Role: string }[]).map((u) => u.Role)).toEqual(["Owner", "Admin", "NotMember"]);
    const live = await rawCall(emu, "/v4/group_open_http_svc/get_role_in_group", {
      GroupId: DEMO_GROUP_IDS.avChatRoom,
      User_Account: ["viewer_00001"],
    });
    expect(live.json.ErrorCode).toBe(10007);
  });
});
