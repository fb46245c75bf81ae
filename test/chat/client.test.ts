import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { ChatClient, type ChatClientOptions } from "../../src/chat/client.js";
import {
  ChatApiError,
  ChatHttpError,
  ChatInputError,
  ChatNetworkError,
  ChatProtocolError,
} from "../../src/chat/errors.js";
import { createUserSigProvider } from "../../src/chat/usersig.js";
import { DEMO_GROUP_IDS, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type Loopback, startLoopback } from "../helpers/loopback-server.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.stop());

function client(o: Partial<ChatClientOptions> = {}, base = emu.url): ChatClient {
  const c = emu.credentials;
  return new ChatClient({
    baseUrl: base,
    sdkAppId: c.sdkAppId,
    identifier: c.identifier,
    userSig: createUserSigProvider({ ...c, secretKey: c.secretKey }),
    retryBaseDelayMs: 5,
    ...o,
  });
}

describe("ChatClient against the emulator", () => {
  it("signs requests the emulator verifies and reads every API", async () => {
    const c = client();
    const info = await c.call(CHAT_APIS.getGroupInfo, {
      GroupIdList: [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.dismissed, "@TGS#NOSUCH"],
    });
    expect(info.groups.map((g) => g.GroupId)).toEqual([DEMO_GROUP_IDS.public]);
    expect(info.errors.map((e) => [e.GroupId, e.ErrorCode])).toEqual([
      [DEMO_GROUP_IDS.dismissed, 10010],
      ["@TGS#NOSUCH", 10010],
    ]);
    const page = await c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 10, Offset: 0 });
    expect(page.MemberNum).toBe(40);
    expect(page.MemberList.members).toHaveLength(10);
    const online = await c.call(CHAT_APIS.getMembers, { GroupId: DEMO_GROUP_IDS.avChatRoomSmall, Timestamp: 0 });
    expect(online.MemberList).toHaveLength(20);
    expect(online.NextTimestamp).toBe(0);
    expect((await c.call(CHAT_APIS.getOnlineMemberNum, { GroupId: DEMO_GROUP_IDS.community })).OnlineMemberNum).toBe(
      40,
    );
    const marks = await c.call(CHAT_APIS.modifyUserInfo, {
      GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
      CommandType: 1,
      MemberList: [{ Member_Account: "guest_00002", Marks: [1001] }],
    });
    expect(marks).toMatchObject({
      CommandType: 1,
      MemberList: [{ Member_Account: "guest_00002", Marks: [1001] }],
    });
    await c.close();
  });

  it("turns ErrorCode != 0 into ChatApiError with a redacted URL", async () => {
    const c = client();
    const err = await c
      .call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.avChatRoom })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatApiError);
    expect((err as ChatApiError).code).toBe(10007);
    expect((err as ChatApiError).redactedUrl).toContain("usersig=%5BREDACTED%5D");
    expect(JSON.stringify(err) + String((err as Error).stack)).not.toMatch(/eJ[A-Za-z0-9*_-]{20}/);
    await c.close();
  });

  it("refuses requests known to fail without sending them", async () => {
    const c = client();
    const before = emu.control.totalCalls();
    const refusals = [
      c.call(CHAT_APIS.getGroupInfo, { GroupIdList: Array.from({ length: 51 }, (_, i) => `@TGS#${i}`) }),
      c.call(CHAT_APIS.getGroupInfo, { GroupIdList: [] }),
      c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 201 }),
      c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.community, Limit: 101 }),
      c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.community, Offset: 100 }),
      c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Next: "" }),
      c.call(CHAT_APIS.getMembers, { GroupId: DEMO_GROUP_IDS.avChatRoom, Timestamp: 0, Mark: 999 }),
      c.call(CHAT_APIS.modifyUserInfo, {
        GroupId: DEMO_GROUP_IDS.avChatRoom,
        CommandType: 1,
        MemberList: Array.from({ length: 501 }, (_, i) => ({ Member_Account: `u${i}`, Marks: [1000] })),
      }),
      c.call(CHAT_APIS.modifyUserInfo, {
        GroupId: DEMO_GROUP_IDS.avChatRoom,
        CommandType: 1,
        MemberList: [{ Member_Account: "u", Marks: [999] }],
      }),
      c.call(CHAT_APIS.modifyUserInfo, {
        GroupId: DEMO_GROUP_IDS.avChatRoom,
        CommandType: 1,
        MemberList: [{ Member_Account: "u", Marks: Array.from({ length: 11 }, (_, i) => 1000 + i) }],
      }),
      c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: "" }),
    ];
    for (const p of refusals) await expect(p).rejects.toBeInstanceOf(ChatInputError);
    expect(emu.control.totalCalls()).toBe(before);
    await c.close();
  });

  it("retries transient codes and 5xx, and counts the attempts", async () => {
    const c = client();
    emu.control.setFaults({ rules: [{ kind: "error", code: 10002, count: 2, apis: ["modify_user_info"] }] });
    const attempts: number[] = [];
    await c.call(
      CHAT_APIS.modifyUserInfo,
      {
        GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
        CommandType: 1,
        MemberList: [{ Member_Account: "guest_00003", Marks: [1002] }],
      },
      { onAttempt: (n) => attempts.push(n) },
    );
    expect(attempts).toEqual([1, 2, 3]);
    emu.control.setFaults({ rules: [{ kind: "http", status: 503, count: 1 }] });
    expect(
      (await c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 })).MemberList.members,
    ).toHaveLength(1);
    emu.control.clearFaults();
    await c.close();
  });

  it("does not retry non-retryable codes", async () => {
    const events: string[] = [];
    const c = client({ onCall: (e) => events.push(`${e.attempt}:${e.outcome}`) });
    emu.control.setFaults({ rules: [{ kind: "error", code: 10004, count: 5 }] });
    await expect(
      c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 }),
    ).rejects.toMatchObject({
      code: 10004,
    });
    expect(events).toEqual(["1:api_error"]);
    emu.control.clearFaults();
    await c.close();
  });

  it("gives up after maxAttempts with the last error", async () => {
    const c = client({ maxAttempts: 2 });
    emu.control.setFaults({ rules: [{ kind: "http", status: 502, count: 10 }] });
    await expect(
      c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 }),
    ).rejects.toBeInstanceOf(ChatHttpError);
    emu.control.clearFaults();
    await c.close();
  });

  it("times out a stalled answer and aborts the request", async () => {
    const c = client({ timeoutMs: 200, maxAttempts: 1 });
    emu.control.setFaults({ rules: [{ kind: "slow", ms: 2000, count: 1 }] });
    const err = await c
      .call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatNetworkError);
    expect((err as ChatNetworkError).timedOut).toBe(true);
    emu.control.clearFaults();
    await c.close();
  });

  it("cancels a request in flight when the caller aborts", async () => {
    const c = client();
    emu.control.setFaults({ latencyMs: 1000 });
    const ac = new AbortController();
    const p = c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 }, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error("user cancelled")), 50);
    const started = Date.now();
    await expect(p).rejects.toThrow("user cancelled");
    expect(Date.now() - started).toBeLessThan(900);
    emu.control.clearFaults();
    await c.close();
  });

  it("keeps concurrent calls under the per-API limit (no 60007)", async () => {
    const limited = await startEmulator({ port: 0, callsPerSecond: 50, largeGroups: false });
    const cred = limited.credentials;
    const c = new ChatClient({
      baseUrl: limited.url,
      sdkAppId: cred.sdkAppId,
      identifier: cred.identifier,
      userSig: createUserSigProvider({ ...cred }),
      rateLimits: { default: 50, perApi: {} },
    });
    await Promise.all(
      Array.from({ length: 90 }, () =>
        c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 }),
      ),
    );
    const s = limited.control.stats();
    expect(s.calls[`${cred.sdkAppId}:get_group_member_info`]).toBe(90);
    expect(s.rateLimited).toEqual({});
    expect(s.maxPerSecond[`${cred.sdkAppId}:get_group_member_info`]).toBeLessThanOrEqual(50);
    await c.close();
    await limited.stop();
  });
});

describe("ChatClient against a scripted loopback server", () => {
  let lb: Loopback;
  let answer: (body: string) => { status: number; text: string } = () => ({ status: 200, text: "{}" });
  beforeAll(async () => {
    lb = await startLoopback((_req, body, res) => {
      const a = answer(body);
      res.writeHead(a.status, { "content-type": "application/json" });
      res.end(a.text);
    });
  });
  afterAll(() => lb.stop());

  it("preserves Next cursors exactly, even above 2^53", async () => {
    const c = client({}, lb.url);
    for (const next of ["144115265295492787", "18446744073709551615", "9007199254740993"]) {
      answer = () => ({
        status: 200,
        text: `{"ActionStatus":"OK","ErrorCode":0,"MemberNum":1,"MemberList":[{"Member_Account":"a","Role":"Member "}],"Next":"${next}"}`,
      });
      const page = await c.call(CHAT_APIS.getGroupMemberInfo, { GroupId: "@TGS#_x", Limit: 1, Next: next });
      expect(page.Next).toBe(next);
      expect(JSON.parse(lb.requests.at(-1)!.body).Next).toBe(next);
      expect(page.MemberList.members[0]!.Role).toBe("Member"); // "Member " from the docs is normalised
    }
    await c.close();
  });

  it("accepts a missing ErrorInfo and unknown fields", async () => {
    const c = client({}, lb.url);
    answer = () => ({ status: 200, text: '{"ActionStatus":"OK","ErrorCode":0,"OnlineMemberNum":7,"Extra":{"x":1}}' });
    expect((await c.call(CHAT_APIS.getOnlineMemberNum, { GroupId: "@TGS#_x" })).OnlineMemberNum).toBe(7);
    await c.close();
  });

  it("reports an unparseable body as its own protocol error (not retried), not a network fault or a crash", async () => {
    const c = client({ maxAttempts: 4 }, lb.url);
    const before = lb.requests.length;
    answer = () => ({ status: 200, text: "<html>gateway</html>" });
    await expect(c.call(CHAT_APIS.getOnlineMemberNum, { GroupId: "@TGS#_x" })).rejects.toBeInstanceOf(
      ChatProtocolError,
    );
    expect(lb.requests.length - before).toBe(1);
    await c.close();
  });

  it("fails over to the standby domain after repeated connection failures", async () => {
    const notices: string[] = [];
    const c = client(
      { maxAttempts: 4, standbyBaseUrl: lb.url, onNotice: (m) => notices.push(m) },
      "http://127.0.0.1:1",
    );
    answer = () => ({ status: 200, text: '{"ActionStatus":"OK","ErrorCode":0,"OnlineMemberNum":3}' });
    expect((await c.call(CHAT_APIS.getOnlineMemberNum, { GroupId: "@TGS#_x" })).OnlineMemberNum).toBe(3);
    expect(c.activeBaseUrl).toBe(lb.url);
    expect(notices[0]).toMatch(/standby/);
    await c.close();
  });
});
