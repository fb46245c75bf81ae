// Run every tool and error path with a known secret key and make sure neither the key nor any UserSig
// shows up in any output, log line, progress message or error text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { ChatClient } from "../../src/chat/client.js";
import { generateUserSig } from "../../src/chat/usersig.js";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness } from "../helpers/harness.js";

let h: Harness;
const seen: string[] = [];
const USERSIG_LIKE = /eJ[A-Za-z0-9*_-]{30,}/;

beforeAll(async () => {
  h = await startHarness({ enableWrites: true, clientOptions: { maxAttempts: 2 } });
  h.client.setNotificationHandler(
    (await import("@modelcontextprotocol/sdk/types.js")).LoggingMessageNotificationSchema,
    (n) => {
      seen.push(JSON.stringify(n));
    },
  );
});
afterAll(() => h.close());

const CALLS: [string, Record<string, unknown>][] = [
  ["get_group_info", { group_ids: [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.dismissed] }],
  ["get_group_member_info", { group_id: DEMO_GROUP_IDS.public }],
  ["get_group_member_info", { group_id: DEMO_GROUP_IDS.avChatRoom }],
  ["get_online_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall }],
  ["get_online_member_num", { group_id: DEMO_GROUP_IDS.community }],
  [
    "set_member_marks",
    { group_id: DEMO_GROUP_IDS.avChatRoomSmall, action: "set", members: [{ account: "guest_00001", marks: [1000] }] },
  ],
  ["explain_chat_error", { code: 70009 }],
  ["summarize_group_members", { group_id: DEMO_GROUP_IDS.private }],
  ["find_group_members", { group_id: DEMO_GROUP_IDS.public, muted: true }],
  ["summarize_online_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall }],
  ["get_groups_overview", { group_ids: [DEMO_GROUP_IDS.public, "@TGS#NOPE"] }],
  [
    "set_member_marks_bulk",
    { group_id: DEMO_GROUP_IDS.avChatRoomSmall, action: "delete", marks: [1000], accounts: ["guest_00001"] },
  ],
];

const FAULTS = [
  undefined,
  { rules: [{ kind: "error" as const, code: 10002, count: 100 }] },
  { rules: [{ kind: "error" as const, code: 70001, count: 100 }] },
  { rules: [{ kind: "http" as const, status: 502, count: 100 }] },
  { rules: [{ kind: "drop" as const, count: 100 }] },
];

describe("secrets never leak", () => {
  it("not in tool results, logs or notifications, on success and every fault path", async () => {
    const secret = h.emulator.credentials.secretKey;
    for (const fault of FAULTS) {
      if (fault) h.emulator.control.setFaults(fault);
      else h.emulator.control.clearFaults();
      for (const [name, args] of CALLS) {
        const r = await callTool(h.client, name, args, { onprogress: (p) => seen.push(JSON.stringify(p)) });
        seen.push(JSON.stringify(r));
      }
    }
    h.emulator.control.clearFaults();
    const everything = [...seen, ...h.logs].join("\n");
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(USERSIG_LIKE);
    expect(everything).toMatch(/10002|HTTP 502|could not be reached/);
  });

  it("not in errors thrown by the client, their stacks or causes", async () => {
    const c = h.emulator.credentials;
    const sig = generateUserSig(c.sdkAppId, c.secretKey, c.identifier, 3600);
    const client = new ChatClient({
      baseUrl: "http://127.0.0.1:1",
      sdkAppId: c.sdkAppId,
      identifier: c.identifier,
      userSig: { get: () => sig },
      maxAttempts: 1,
    });
    const err = (await client
      .call(CHAT_APIS.getGroupInfo, { GroupIdList: ["@TGS#1"] })
      .catch((e: unknown) => e)) as Error & {
      cause?: unknown;
    };
    const dump = [
      String(err),
      err.stack,
      JSON.stringify(err),
      String(err.cause),
      JSON.stringify(Object.entries(err)),
    ].join("\n");
    expect(dump).not.toContain(sig);
    expect(dump).not.toContain(c.secretKey);
    await client.close();
  });
});
