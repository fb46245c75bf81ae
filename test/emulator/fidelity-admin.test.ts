// The administration APIs against their pages' JSON examples (test/fixtures/docs): the emulator accepts
// each request example as the page writes it, answers in the page's shape, and our descriptors send the
// same fields, so the client and the emulator cannot agree on a mistake the page would catch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { DEMO_GROUP_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { docFixture, shapeOf } from "../helpers/fixtures.js";
import { rawCall } from "../helpers/raw-call.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.stop());

const svc = (command: string) => `/v4/group_open_http_svc/${command}`;

describe("administration APIs and their pages' examples", () => {
  it("add_group_member: the page's silent request adds both accounts, a Result per account", async () => {
    const req = docFixture<{ MemberList: { Member_Account: string }[] }>("add_group_member.request.jsonc");
    expect(CHAT_APIS.addGroupMember.request.safeParse({ ...req, GroupId: DEMO_GROUP_IDS.public }).success).toBe(true);
    const res = await rawCall(emu, svc("add_group_member"), { ...req, GroupId: DEMO_GROUP_IDS.public });
    expect(res.json.MemberList).toEqual([
      { Member_Account: "tommy", Result: 1 },
      { Member_Account: "jared", Result: 1 },
    ]);
    const again = await rawCall(emu, svc("add_group_member"), { ...req, GroupId: DEMO_GROUP_IDS.public });
    expect((again.json.MemberList as { Result: number }[]).map((m) => m.Result)).toEqual([2, 2]);
  });

  it("change_group_owner: the page's request form; a non-member cannot become owner", async () => {
    const req = docFixture("change_group_owner.request.jsonc");
    expect(Object.keys(req).sort()).toEqual(["GroupId", "NewOwner_Account"]);
    expect(CHAT_APIS.changeGroupOwner.request.safeParse(req).success).toBe(true);
    const res = await rawCall(emu, svc("change_group_owner"), { ...req, GroupId: DEMO_GROUP_IDS.private });
    expect(res.json.ErrorCode).toBe(10004);
    const ok = await rawCall(emu, svc("change_group_owner"), {
      GroupId: DEMO_GROUP_IDS.private,
      NewOwner_Account: "w_bob",
    });
    expect(ok.json.ErrorCode).toBe(0);
    expect(emu.control.group(DEMO_GROUP_IDS.private)!.Owner_Account).toBe("w_bob");
  });

  it("send_group_msg: the page's two-element body posts once; its Random again within five minutes posts nothing", async () => {
    const req = docFixture<{ Random: number }>("send_group_msg.request.jsonc");
    const G = DEMO_GROUP_IDS.chatRoom;
    const first = await rawCall(emu, svc("send_group_msg"), { ...req, GroupId: G });
    expect(first.json).toMatchObject({ ActionStatus: "OK", ErrorCode: 0 });
    expect(typeof first.json.MsgSeq).toBe("number");
    expect(typeof first.json.MsgTime).toBe("number");
    const repeat = await rawCall(emu, svc("send_group_msg"), { ...req, GroupId: G });
    expect(repeat.json.MsgSeq).toBe(first.json.MsgSeq);
    expect(emu.control.group(G)!.messages.filter((m) => m.MsgRandom === req.Random)).toHaveLength(1);
    // Our request for a text message is the page's first element, in the page's field names.
    const ours = CHAT_APIS.sendGroupMsg.request.parse({
      GroupId: G,
      Random: 1,
      MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "red packet" } }],
    });
    expect(shapeOf((ours as { MsgBody: unknown[] }).MsgBody[0])).toEqual(
      shapeOf((req as unknown as { MsgBody: unknown[] }).MsgBody[0]),
    );
  });

  it("send_group_system_notification: the page's named-members request; a live group takes everyone only", async () => {
    const req = docFixture<{ ToMembers_Account: string[] }>("send_group_system_notification.request-members.jsonc");
    expect(CHAT_APIS.sendGroupSystemNotification.request.safeParse(req).success).toBe(true);
    const ok = await rawCall(emu, svc("send_group_system_notification"), { ...req, GroupId: DEMO_GROUP_IDS.public });
    expect(ok.json.ErrorCode).toBe(0);
    expect(emu.control.group(DEMO_GROUP_IDS.public)!.notices.at(-1)).toMatchObject({ to: ["peter", "leckie"] });
    const live = await rawCall(emu, svc("send_group_system_notification"), {
      ...req,
      GroupId: DEMO_GROUP_IDS.avChatRoom,
    });
    expect(live.json.ErrorCode).toBe(10007);
  });

  it("get_admin_list answers in the page's shape, and our descriptor reads the page's example", async () => {
    const page = docFixture("get_admin_list.response.jsonc");
    const res = await rawCall(emu, "/v4/group_open_avchatroom_http_svc/get_admin_list", {
      GroupId: DEMO_GROUP_IDS.avChatRoom,
    });
    expect(shapeOf(res.json)).toEqual(shapeOf(page));
    expect(CHAT_APIS.getAdminList.response.parse(page).Admin_List.map((a) => a.Admin_Account)).toEqual([
      "user1",
      "116400",
    ]);
    const other = await rawCall(emu, "/v4/group_open_avchatroom_http_svc/get_admin_list", {
      GroupId: DEMO_GROUP_IDS.public,
    });
    expect(other.json.ErrorCode).toBe(10007);
  });

  it("create_group's initial members: 100 by the REST page (default), 500 by the web SDK (createMembersMax)", async () => {
    const members = Array.from({ length: 101 }, (_, i) => ({ Member_Account: `c${i}` }));
    const body = { Type: "Public", Name: "Big start", MemberList: members };
    expect((await rawCall(emu, svc("create_group"), body)).json.ErrorCode).toBe(10004);
    const sdk = await startEmulator({ port: 0, createMembersMax: 500 });
    try {
      const res = await rawCall(sdk, svc("create_group"), body);
      expect(res.json.ErrorCode).toBe(0);
      expect(sdk.control.group(String(res.json.GroupId))!.members.count()).toBe(101);
    } finally {
      await sdk.stop();
    }
  });
});
