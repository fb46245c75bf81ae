import { describe, expect, it } from "vitest";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { buildRequest, randomU32 } from "../../src/chat/request.js";

const auth = { sdkAppId: 1400000000, identifier: "administrator", userSig: "eJx*sig-_" };

describe("request builder", () => {
  it("builds the documented URL and a JSON body", () => {
    const r = buildRequest(
      "https://adminapisgp.im.qcloud.com/",
      CHAT_APIS.getGroupMemberInfo,
      { GroupId: "@TGS#1" },
      auth,
      99999999,
    );
    const u = new URL(r.url);
    expect(u.origin + u.pathname).toBe(
      "https://adminapisgp.im.qcloud.com/v4/group_open_http_svc/get_group_member_info",
    );
    expect(Object.fromEntries(u.searchParams)).toEqual({
      sdkappid: "1400000000",
      identifier: "administrator",
      usersig: "eJx*sig-_",
      random: "99999999",
      contenttype: "json",
    });
    expect(JSON.parse(r.body)).toEqual({ GroupId: "@TGS#1" });
  });

  it("routes each API to its documented service", () => {
    expect(buildRequest("http://h", CHAT_APIS.getMembers, {}, auth, 1).url).toContain(
      "/v4/group_open_avchatroom_http_svc/get_members?",
    );
    expect(buildRequest("http://h", CHAT_APIS.getOnlineMemberNum, {}, auth, 1).url).toContain(
      "/v4/million_group_open_http_svc/get_online_member_num?",
    );
    expect(buildRequest("http://h", CHAT_APIS.modifyUserInfo, {}, auth, 1).url).toContain(
      "/v4/group_open_avchatroom_http_svc/modify_user_info?",
    );
    expect(buildRequest("http://h", CHAT_APIS.getGroupInfo, {}, auth, 1).url).toContain(
      "/v4/group_open_http_svc/get_group_info?",
    );
  });

  it("never sends an empty body", () => {
    expect(buildRequest("http://h", CHAT_APIS.getGroupInfo, {}, auth, 1).body).toBe("{}");
  });

  it("draws random values within u32 and writes them as unsigned", () => {
    for (let i = 0; i < 200; i++) {
      const r = randomU32();
      expect(r >= 0 && r <= 4294967295 && Number.isInteger(r)).toBe(true);
    }
    // A value outside u32 is folded into it, never sent negative.
    expect(new URL(buildRequest("http://h", CHAT_APIS.getGroupInfo, {}, auth, -1).url).searchParams.get("random")).toBe(
      "4294967295",
    );
  });
});
