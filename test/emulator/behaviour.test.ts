import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateUserSig } from "../../src/chat/usersig.js";
import { DEMO_GROUP_IDS, OTHER_APP, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { decodeUserSig, verifyUserSig } from "../../src/emulator/usersig-verify.js";
import { rawCall } from "../helpers/raw-call.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.stop());

const GMI = "/v4/group_open_http_svc/get_group_member_info";
const GET_MEMBERS = "/v4/group_open_avchatroom_http_svc/get_members";
const MARKS = "/v4/group_open_avchatroom_http_svc/modify_user_info";
const ONLINE_NUM = "/v4/million_group_open_http_svc/get_online_member_num";
const INFO = "/v4/group_open_http_svc/get_group_info";

async function code(path: string, body: unknown, o: Parameters<typeof rawCall>[3] = {}): Promise<number> {
  const r = await rawCall(emu, path, body, o);
  expect(r.status).toBe(200); // business errors are HTTP 200 with the envelope
  expect(r.json.ActionStatus).toBe(r.json.ErrorCode === 0 ? "OK" : "FAIL");
  return r.json.ErrorCode as number;
}

describe("envelope and request errors", () => {
  it.each([
    ["unknown service", "/v4/no_such_svc/get_group_info", {}, 60009],
    ["unknown command", "/v4/group_open_http_svc/no_such_command", {}, 10003],
  ])("%s", async (_n, path, body, expected) => {
    expect(await code(path, body)).toBe(expected);
  });

  it("rejects bad JSON and an empty body with 60003", async () => {
    expect(await code(GMI, null, { body: "{not json" })).toBe(60003);
    expect(await code(GMI, null, { body: "" })).toBe(60003);
  });

  it("rejects missing or bad query parameters", async () => {
    expect(await code(GMI, {}, { query: { sdkappid: undefined } })).toBe(60012);
    expect(await code(GMI, {}, { query: { sdkappid: "abc" } })).toBe(60006);
    expect(await code(GMI, {}, { query: { sdkappid: "999" } })).toBe(70020);
    expect(await code(GMI, {}, { query: { random: "x" } })).toBe(60002);
    expect(await code(GMI, {}, { query: { contenttype: "xml" } })).toBe(60002);
    expect(await code(GMI, {}, { query: { usersig: undefined } })).toBe(60004);
  });
});

describe("signature checks", () => {
  const c = () => emu.credentials;
  it("accepts our signature and the package's (vectors decode)", () => {
    const sig = generateUserSig(c().sdkAppId, c().secretKey, c().identifier, 3600);
    expect(
      verifyUserSig(sig, {
        sdkAppId: c().sdkAppId,
        identifier: c().identifier,
        secretKey: c().secretKey,
        nowSeconds: Math.floor(Date.now() / 1000),
      }).ok,
    ).toBe(true);
    expect(decodeUserSig("not*a*sig")).toBeUndefined();
  });

  it("accepts uncompressed zlib streams too (the Go library's default level)", () => {
    const sig = generateUserSig(c().sdkAppId, c().secretKey, c().identifier, 3600);
    const doc = decodeUserSig(sig)!;
    const stored = deflateSync(JSON.stringify(doc), { level: 0 })
      .toString("base64")
      .replace(/\+/g, "*")
      .replace(/\//g, "-")
      .replace(/=/g, "_");
    expect(
      verifyUserSig(stored, {
        sdkAppId: c().sdkAppId,
        identifier: c().identifier,
        secretKey: c().secretKey,
        nowSeconds: Math.floor(Date.now() / 1000),
      }).ok,
    ).toBe(true);
  });

  it.each([
    [
      "expired",
      () => generateUserSig(c().sdkAppId, c().secretKey, c().identifier, 60, Date.now() - 3600_000),
      {},
      70001,
    ],
    ["garbage", () => "@@@", {}, 70003],
    ["wrong key", () => generateUserSig(c().sdkAppId, "f".repeat(64), c().identifier, 3600), {}, 70009],
    ["identifier mismatch", () => generateUserSig(c().sdkAppId, c().secretKey, "someone", 3600), {}, 70013],
    [
      "another app's sig",
      () => generateUserSig(OTHER_APP.sdkAppId, OTHER_APP.secretKey, c().identifier, 3600),
      {},
      70014,
    ],
    [
      "non-admin identifier",
      () => generateUserSig(c().sdkAppId, c().secretKey, "p_bob", 3600),
      { identifier: "p_bob" },
      60010,
    ],
  ])("%s", async (_n, sig, extra, expected) => {
    expect(await code(GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 }, { userSig: sig(), ...extra })).toBe(expected);
  });
});

describe("group types, limits and errors per API", () => {
  it.each([
    [GMI, { GroupId: DEMO_GROUP_IDS.avChatRoom }, 10007],
    [GET_MEMBERS, { GroupId: DEMO_GROUP_IDS.public, Timestamp: 0 }, 10007],
    [GET_MEMBERS, { GroupId: DEMO_GROUP_IDS.community, Timestamp: 0 }, 0],
    [ONLINE_NUM, { GroupId: DEMO_GROUP_IDS.avChatRoom }, 10007],
    [ONLINE_NUM, { GroupId: DEMO_GROUP_IDS.private }, 10007],
    [
      MARKS,
      { GroupId: DEMO_GROUP_IDS.community, CommandType: 1, MemberList: [{ Member_Account: "c_alice", Marks: [1000] }] },
      10007,
    ],
    [GMI, { GroupId: DEMO_GROUP_IDS.dismissed }, 10010],
    [GMI, { GroupId: "@TGS#NOSUCHGROUP" }, 10010],
    [GMI, { GroupId: "\u0001bad" }, 10015],
    [GMI, { GroupId: "x".repeat(80) }, 10015],
    [GMI, {}, 10004],
    [GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 6001 }, 10004],
    [GMI, { GroupId: DEMO_GROUP_IDS.community, Next: "", Limit: 101 }, 10004],
    [GMI, { GroupId: DEMO_GROUP_IDS.community, Offset: 0, Next: "" }, 10004],
    [GMI, { GroupId: DEMO_GROUP_IDS.community }, 10004],
    [GMI, { GroupId: DEMO_GROUP_IDS.community, Next: "123" }, 10004],
    [GMI, { GroupId: DEMO_GROUP_IDS.publicLarge }, 10018],
    [INFO, { GroupIdList: [DEMO_GROUP_IDS.community100k] }, 10018],
    [INFO, { GroupIdList: Array.from({ length: 51 }, () => DEMO_GROUP_IDS.public) }, 10004],
    [GET_MEMBERS, { GroupId: DEMO_GROUP_IDS.avChatRoom }, 10004],
    [
      MARKS,
      {
        GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
        CommandType: 3,
        MemberList: [{ Member_Account: "guest_00001", Marks: [1000] }],
      },
      10004,
    ],
    [
      MARKS,
      {
        GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
        CommandType: 1,
        MemberList: [{ Member_Account: "guest_00001", Marks: [999] }],
      },
      10004,
    ],
    [
      MARKS,
      {
        GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
        CommandType: 1,
        MemberList: Array.from({ length: 501 }, (_, i) => ({ Member_Account: `guest_${i}`, Marks: [1000] })),
      },
      10004,
    ],
    [
      MARKS,
      {
        GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
        CommandType: 1,
        MemberList: [{ Member_Account: "guest_away1", Marks: [1000] }],
      },
      10004,
    ],
  ])("%s %j -> %i", async (path, body, expected) => {
    expect(await code(path, body)).toBe(expected);
  });

  it("reports per-group errors in get_group_info with a top-level OK", async () => {
    const r = await rawCall(emu, INFO, { GroupIdList: [DEMO_GROUP_IDS.private, DEMO_GROUP_IDS.dismissed, "\u0002"] });
    expect(r.json.ErrorCode).toBe(0);
    expect((r.json.GroupInfo as { ErrorCode: number }[]).map((g) => g.ErrorCode)).toEqual([0, 10010, 10015]);
  });

  it("limits a group to 10 distinct marks", async () => {
    const set = (marks: number[]) =>
      code(MARKS, {
        GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
        CommandType: 1,
        MemberList: [{ Member_Account: "guest_00005", Marks: marks }],
      });
    expect(await set([2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008])).toBe(0);
    expect(await set([2009, 2010])).toBe(10004);
    await code(MARKS, {
      GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
      CommandType: 2,
      MemberList: [{ Member_Account: "guest_00005", Marks: [2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008] }],
    });
  });

  it("leaves offline accounts out, and marks offline known accounts only with 500", async () => {
    const r = await rawCall(emu, MARKS, {
      GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
      CommandType: 1,
      MemberList: [
        { Member_Account: "guest_00006", Marks: [1000] },
        { Member_Account: "guest_away2", Marks: [1000] },
        { Member_Account: "guest_away3", Marks: [500] },
      ],
    });
    expect(r.json.MemberList).toEqual([
      { Member_Account: "guest_00006", Marks: [1000] },
      { Member_Account: "guest_away3", Marks: [500] },
    ]);
  });
});

describe("paging", () => {
  it("Offset pages cover the group exactly once", async () => {
    const seen: string[] = [];
    for (let off = 0; ; off += 7) {
      const r = await rawCall(emu, GMI, {
        GroupId: DEMO_GROUP_IDS.public,
        Limit: 7,
        Offset: off,
        MemberInfoFilter: ["Role"],
      });
      const list = r.json.MemberList as { Member_Account: string }[];
      expect(r.json.MemberNum).toBe(40);
      seen.push(...list.map((m) => m.Member_Account));
      if (list.length < 7) break;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  it("Community Next pages cover the group exactly once and end with an empty Next", async () => {
    const seen = new Set<string>();
    let next = "";
    let pages = 0;
    do {
      const r = await rawCall(emu, GMI, {
        GroupId: DEMO_GROUP_IDS.community,
        Limit: 100,
        Next: next,
        MemberInfoFilter: ["Role"],
      });
      for (const m of r.json.MemberList as { Member_Account: string }[]) {
        expect(seen.has(m.Member_Account)).toBe(false);
        seen.add(m.Member_Account);
      }
      next = r.json.Next as string;
      pages++;
    } while (next !== "");
    expect(seen.size).toBe(300);
    expect(pages).toBe(3);
  });

  it("role filters page over the filtered list", async () => {
    const r = await rawCall(emu, GMI, {
      GroupId: DEMO_GROUP_IDS.community100k,
      Limit: 100,
      Next: "",
      MemberRoleFilter: ["Admin"],
    });
    const list = r.json.MemberList as { Role: string }[];
    expect(list.length).toBe(52); // 2 + 100000/2000 admins
    expect(list.every((m) => m.Role === "Admin")).toBe(true);
    expect(r.json.Next).toBe("");
  });

  it("online lists page by NextTimestamp, newest first, capped at the 1,000 latest", async () => {
    const seen: string[] = [];
    let ts = 0;
    let pages = 0;
    do {
      const r = await rawCall(emu, GET_MEMBERS, { GroupId: DEMO_GROUP_IDS.avChatRoom, Timestamp: ts });
      const list = r.json.MemberList as { Member_Account: string; JoinTime: number }[];
      expect(list.length).toBeLessThanOrEqual(500);
      seen.push(...list.map((m) => m.Member_Account));
      ts = r.json.NextTimestamp as number;
      pages++;
    } while (ts !== 0);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1000);
    expect(seen[0]).toBe("viewer_01199");
  });

  it("a 250 threshold (the zh docs) and a 30 cap (lower editions) are configurable", async () => {
    const e2 = await startEmulator({ port: 0, onlinePageThreshold: 250, onlineListCap: 30, largeGroups: false });
    const r = await rawCall(e2, GET_MEMBERS, { GroupId: DEMO_GROUP_IDS.avChatRoom, Timestamp: 0 });
    expect((r.json.MemberList as unknown[]).length).toBe(30);
    expect(r.json.NextTimestamp).toBe(0);
    await e2.stop();
  });

  it("hides mark 600 unless asked for by mark, and filters by mark", async () => {
    await code(MARKS, {
      GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
      CommandType: 1,
      MemberList: [
        { Member_Account: "guest_00007", Marks: [600] },
        { Member_Account: "guest_00008", Marks: [1005] },
      ],
    });
    const all = await rawCall(emu, GET_MEMBERS, { GroupId: DEMO_GROUP_IDS.avChatRoomSmall, Timestamp: 0 });
    const accounts = (all.json.MemberList as { Member_Account: string }[]).map((m) => m.Member_Account);
    expect(accounts).not.toContain("guest_00007");
    expect(accounts).toHaveLength(19);
    const hidden = await rawCall(emu, GET_MEMBERS, {
      GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
      Timestamp: 0,
      Mark: 600,
    });
    expect((hidden.json.MemberList as { Member_Account: string }[]).map((m) => m.Member_Account)).toEqual([
      "guest_00007",
    ]);
    const byMark = await rawCall(emu, GET_MEMBERS, {
      GroupId: DEMO_GROUP_IDS.avChatRoomSmall,
      Timestamp: 0,
      Mark: 1005,
    });
    expect((byMark.json.MemberList as { Member_Account: string }[]).map((m) => m.Member_Account)).toEqual([
      "guest_00008",
    ]);
  });
});

describe("rate limit and faults", () => {
  it("answers 60007 past the per-API limit and counts it", async () => {
    const e2 = await startEmulator({ port: 0, callsPerSecond: 20, largeGroups: false });
    const codes = await Promise.all(
      Array.from({ length: 40 }, () =>
        rawCall(e2, GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 }).then((r) => r.json.ErrorCode),
      ),
    );
    expect(codes.filter((c) => c === 0)).toHaveLength(20);
    expect(codes.filter((c) => c === 60007)).toHaveLength(20);
    const s = e2.control.stats();
    expect(s.rateLimited[`${e2.credentials.sdkAppId}:get_group_member_info`]).toBe(20);
    expect(s.maxPerSecond[`${e2.credentials.sdkAppId}:get_group_member_info`]).toBe(20);
    await e2.stop();
  });

  it("injects error codes on the next N calls of one API, then stops", async () => {
    emu.control.setFaults({ rules: [{ kind: "error", code: 10002, count: 2, apis: ["get_group_member_info"] }] });
    expect(await code(INFO, { GroupIdList: [DEMO_GROUP_IDS.public] })).toBe(0);
    expect(await code(GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 })).toBe(10002);
    expect(await code(GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 })).toBe(10002);
    expect(await code(GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 })).toBe(0);
    emu.control.clearFaults();
  });

  it("answers 10018 for pages above a chosen Limit", async () => {
    emu.control.setFaults({ tooLargeAboveLimit: 50 });
    expect(await code(GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 51 })).toBe(10018);
    expect(await code(GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 50 })).toBe(0);
    emu.control.clearFaults();
  });

  it("serves the control endpoints over HTTP", async () => {
    const health = await fetch(`${emu.url}/_emulator/health`);
    expect(await health.json()).toEqual({ ok: true });
    await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ rules: [{ kind: "http", status: 503, count: 1 }] }),
    });
    const r = await rawCall(emu, GMI, { GroupId: DEMO_GROUP_IDS.public, Limit: 1 }).catch((e: unknown) => e);
    expect(r).toBeInstanceOf(Error); // 503 with an HTML body
    const seeded = await fetch(`${emu.url}/_emulator/seed`, {
      method: "POST",
      body: JSON.stringify({ groups: [{ GroupId: "@TGS#SEEDED1", Type: "Public", memberCount: 5 }] }),
    });
    expect(await seeded.json()).toEqual({ added: 1 });
    expect(await code(GMI, { GroupId: "@TGS#SEEDED1", Limit: 10 })).toBe(0);
    const stats = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as {
      faults: { byKind: { http: number } };
    };
    expect(stats.faults.byKind.http).toBeGreaterThanOrEqual(1);
  });
});

describe("group_open_http_svc/get_online_member_num (live-group online count)", () => {
  const LIVE_NUM = "/v4/group_open_http_svc/get_online_member_num";
  it("counts every online member of an AVChatRoom, beyond the list's 1,000 cap", async () => {
    const r = await rawCall(emu, LIVE_NUM, { GroupId: DEMO_GROUP_IDS.avChatRoom });
    expect(r.json).toMatchObject({ ActionStatus: "OK", ErrorCode: 0, OnlineMemberNum: 1200 });
  });
  it("answers 10007 for other types (the safe reading), 10010 for a dismissed group", async () => {
    expect(await code(LIVE_NUM, { GroupId: DEMO_GROUP_IDS.public })).toBe(10007);
    expect(await code(LIVE_NUM, { GroupId: DEMO_GROUP_IDS.dismissed })).toBe(10010);
  });
});
