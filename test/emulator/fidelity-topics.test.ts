// Topics, attributes and counters against their pages' JSON examples: the emulator takes each example as
// the page writes it (IDs moved to the demo Community and live group), answers in the page's field names,
// and our descriptors accept the same requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { DEMO_GROUP_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { docFixture } from "../helpers/fixtures.js";
import { rawCall } from "../helpers/raw-call.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.stop());

const C = DEMO_GROUP_IDS.community;
const L = DEMO_GROUP_IDS.avChatRoom;
/** The page's Community ID, moved to the demo Community. */
const moved = <T>(v: T): T => JSON.parse(JSON.stringify(v).replaceAll("@TGS#_@TGS#cQVLVHIM62CJ", C)) as T;

describe("topic, attribute and counter pages' examples", () => {
  it("create_topic with the page's custom ID; get_topic with the page's request reads it back", async () => {
    const req = moved(docFixture("create_topic.request-custom.jsonc"));
    expect(CHAT_APIS.createTopic.request.safeParse(req).success).toBe(true);
    const res = await rawCall(emu, "/v4/million_group_open_http_svc/create_topic", req);
    expect(res.json).toMatchObject({ ErrorCode: 0, TopicId: `${C}@TOPIC#_TestTopic` });
    const get = moved(docFixture<Record<string, unknown>>("get_topic.request.jsonc"));
    const { From_Account: _from, ...ours } = get;
    expect(CHAT_APIS.getTopic.request.safeParse(ours).success).toBe(true);
    const read = await rawCall(emu, "/v4/million_group_open_http_svc/get_topic", get);
    const items = read.json.TopicAndSelfInfo as { TopicInfo: { TopicId: string; TopicName: string } }[];
    expect(items.map((i) => i.TopicInfo)).toMatchObject([{ TopicId: `${C}@TOPIC#_TestTopic`, TopicName: "TestTopic" }]);
    expect(CHAT_APIS.getTopic.response.parse(read.json).TopicAndSelfInfo[0]?.TopicInfo?.TopicName).toBe("TestTopic");
  });

  it("set_group_attr's lower-case key/value; get_group_attr answers in the same names", async () => {
    const req = { ...docFixture("set_group_attr.request.jsonc"), GroupId: L };
    expect(CHAT_APIS.setGroupAttr.request.safeParse(req).success).toBe(true);
    expect((await rawCall(emu, "/v4/group_open_http_svc/set_group_attr", req)).json.ErrorCode).toBe(0);
    const got = await rawCall(emu, "/v4/group_open_attr_http_svc/get_group_attr", { GroupId: L });
    expect(got.json.GroupAttrAry).toEqual([
      { key: "attr_key", value: "attr_val" },
      { key: "attr_key1", value: "attr_val1" },
    ]);
  });

  it("update_group_counter's example sets both counters; the answer carries the new values", async () => {
    const req = { ...docFixture("update_group_counter.request.jsonc"), GroupId: L };
    expect(CHAT_APIS.updateGroupCounter.request.safeParse(req).success).toBe(true);
    const res = await rawCall(emu, "/v4/group_open_http_svc/update_group_counter", req);
    expect(res.json.GroupCounter).toEqual([
      { Key: "like", Value: 5 },
      { Key: "unlike", Value: 1 },
    ]);
    // Increase on a missing key starts it at 0.
    const inc = await rawCall(emu, "/v4/group_open_http_svc/update_group_counter", {
      GroupId: L,
      GroupCounter: [{ Key: "fresh", Value: 3 }],
      Mode: "Increase",
    });
    expect(inc.json.GroupCounter).toEqual([{ Key: "fresh", Value: 3 }]);
  });

  it("topic-less Communities and other types answer the topic APIs with 10007", async () => {
    const res = await rawCall(emu, "/v4/million_group_open_http_svc/get_topic", { GroupId: "@TGS#_club03" });
    expect(res.json.ErrorCode).toBe(10007);
    const pub = await rawCall(emu, "/v4/million_group_open_http_svc/get_topic", { GroupId: DEMO_GROUP_IDS.public });
    expect(pub.json.ErrorCode).toBe(10007);
  });

  it("a sixth attribute write to one group within a second answers 10049", async () => {
    const fixed = Date.now();
    const clocked = await startEmulator({ port: 0, now: () => fixed });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await rawCall(clocked, "/v4/group_open_http_svc/modify_group_attr", {
          GroupId: L,
          GroupAttr: [{ key: "n", value: String(i) }],
        });
        codes.push(Number(res.json.ErrorCode));
      }
      expect(codes).toEqual([0, 0, 0, 0, 0, 10049]);
    } finally {
      await clocked.stop();
    }
  });
});
