// send_group_message and send_group_notice through a real MCP client: the message read back through
// get_group_messages with its sequence, the never-twice rule for a request retried after its answer was
// lost, the confirmation rule for large audiences, refusals before any request, the audit line.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
const auditPath = join(mkdtempSync(join(tmpdir(), "tcgm-msg-")), "audit.jsonl");
beforeAll(async () => {
  h = await startHarness({
    enableWrites: true,
    argv: ["--audit-log", auditPath],
    emulator: { largeGroups: true },
    clientOptions: { retryBaseDelayMs: 1 },
  });
});
afterAll(() => h.close());

const calls = (api: string) => h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:${api}`] ?? 0;
const audit = () =>
  readFileSync(auditPath, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { tool: string; status: string });
const G = DEMO_GROUP_IDS.public;
type Msg = { seq: number; from: string; text: string };
const latest = async (group_id: string) =>
  structured<{ messages: Msg[] }>(await callTool(h.client, "get_group_messages", { group_id, max_messages: 5 }))
    .messages;

describe("send_group_message", () => {
  it("posts as the admin and as a member; get_group_messages reads each back with its sequence", async () => {
    const r = await callTool(h.client, "send_group_message", { group_id: G, text: "Please keep it civil." });
    const d = structured<{ msg_seq: number; msg_time: number }>(r);
    expect(textOf(r)).toMatch(new RegExp(`^Posted to @TGS#2PUBLICDEMO as message ${d.msg_seq} at \\d{4}-`));
    expect((await latest(G))[0]).toMatchObject({
      seq: d.msg_seq,
      from: "administrator",
      text: "Please keep it civil.",
    });
    const asBob = structured<{ msg_seq: number }>(
      await callTool(h.client, "send_group_message", { group_id: G, text: "ok", from_account: "p_bob" }),
    );
    expect(asBob.msg_seq).toBe(d.msg_seq + 1);
    expect((await latest(G))[0]).toMatchObject({ seq: asBob.msg_seq, from: "p_bob" });
    expect(
      audit()
        .filter((a) => a.tool === "send_group_message")
        .map((a) => a.status),
    ).toEqual(["done", "done"]);
  });

  it("never posts twice: the answer of an accepted request is lost, the retry carries the same Random", async () => {
    const before = h.emulator.control.group(G)!.messages.length;
    const sends = calls("send_group_msg");
    h.emulator.control.setFaults({ rules: [{ kind: "lost", count: 1, apis: ["send_group_msg"] }] });
    const r = await callTool(h.client, "send_group_message", { group_id: G, text: "once only" });
    h.emulator.control.clearFaults();
    expect(r.isError).toBeFalsy();
    // Two requests reached the emulator; one message exists.
    expect(calls("send_group_msg")).toBe(sends + 2);
    const after = h.emulator.control.group(G)!.messages;
    expect(after.length).toBe(before + 1);
    expect(after.filter((m) => JSON.stringify(m.MsgBody).includes("once only"))).toHaveLength(1);
    expect(structured<{ msg_seq: number }>(r).msg_seq).toBe(after.at(-1)!.MsgSeq);
  });

  it("when no answer ever comes, says the message may have been posted and how to check, not to retry", async () => {
    h.emulator.control.setFaults({ rules: [{ kind: "lost", apis: ["send_group_msg"] }] });
    const r = await callTool(h.client, "send_group_message", { group_id: G, text: "maybe" });
    h.emulator.control.clearFaults();
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/may or may not have been posted/);
    expect(textOf(r)).toMatch(/get_group_messages with \{"group_id":"@TGS#2PUBLICDEMO"\}/);
    expect(textOf(r)).not.toMatch(/Retry\?\s*yes/i);
    // All attempts carried one Random: one message.
    expect(
      h.emulator.control.group(G)!.messages.filter((m) => JSON.stringify(m.MsgBody).includes('"maybe"')),
    ).toHaveLength(1);
    expect(audit().at(-1)).toMatchObject({ tool: "send_group_message", status: "interrupted" });
  });

  it("to more than 1,000 members needs a dry run's token; the dry run sends nothing", async () => {
    const big = DEMO_GROUP_IDS.publicLarge;
    const sends = calls("send_group_msg");
    const bare = await callTool(h.client, "send_group_message", { group_id: big, text: "Maintenance at 22:00" });
    expect(textOf(bare)).toMatch(/Confirmation needed: it reaches 6000 members, more than 1000/);
    const dry = await callTool(h.client, "send_group_message", {
      group_id: big,
      text: "Maintenance at 22:00",
      dry_run: true,
    });
    expect(textOf(dry)).toMatch(/Would post to @TGS#2PUBLIC6000 \("[^"]+", Public, 6000 members\) with send_group_msg/);
    expect(calls("send_group_msg")).toBe(sends);
    const token = structured<{ confirm_token: string }>(dry).confirm_token;
    const done = await callTool(h.client, "send_group_message", {
      group_id: big,
      text: "Maintenance at 22:00",
      confirm_token: token,
    });
    expect(structured<{ msg_seq: number }>(done).msg_seq).toBeGreaterThan(0);
    expect(calls("send_group_msg")).toBe(sends + 1);
  });

  it("refuses a non-member sender and an over-long text before sending; a muted sender gets 10017's advice", async () => {
    const sends = calls("send_group_msg");
    const ghost = await callTool(h.client, "send_group_message", { group_id: G, text: "hi", from_account: "ghost_7" });
    expect(textOf(ghost)).toMatch(/Not members of @TGS#2PUBLICDEMO: "ghost_7"/);
    const long = await callTool(h.client, "send_group_message", { group_id: G, text: "x".repeat(12 * 1024 + 1) });
    expect(textOf(long)).toMatch(/at most 12288 bytes/);
    expect(calls("send_group_msg")).toBe(sends);
    await callTool(h.client, "mute_members", { group_id: G, accounts: ["p_carol"], duration_seconds: 600 });
    const muted = await callTool(h.client, "send_group_message", { group_id: G, text: "hi", from_account: "p_carol" });
    expect(textOf(muted)).toMatch(/10017/);
    expect(textOf(muted)).toMatch(/Post as the admin \(leave from_account out\), or lift the mute first/);
  });
});

describe("send_group_notice", () => {
  it("notifies everyone, or named members 50 a request; the emulator records each notice", async () => {
    const all = await callTool(h.client, "send_group_notice", { group_id: G, text: "Rules updated" });
    expect(textOf(all)).toMatch(/Notice sent to everyone \(\d+ members\) in @TGS#2PUBLICDEMO/);
    const members = h.emulator.control.group(G)!;
    const names = Array.from({ length: 30 }, (_, i) => members.members.at(i).Member_Account);
    const before = calls("send_group_system_notification");
    const some = await callTool(h.client, "send_group_notice", {
      group_id: G,
      text: "You are invited",
      accounts: names,
    });
    expect(structured(some)).toMatchObject({ requests: 1, to: names });
    expect(calls("send_group_system_notification")).toBe(before + 1);
    expect(members.notices.at(-1)).toMatchObject({ text: "You are invited", to: names });
    expect(members.notices.at(-2)).toMatchObject({ text: "Rules updated", to: null });
  });

  it("refuses named members in a live group and non-members before sending", async () => {
    const before = calls("send_group_system_notification");
    const live = await callTool(h.client, "send_group_notice", {
      group_id: DEMO_GROUP_IDS.avChatRoomSmall,
      text: "hi",
      accounts: ["guest_00001"],
    });
    expect(textOf(live)).toMatch(/Live groups \(AVChatRoom\) take notices to everyone only/);
    const ghost = await callTool(h.client, "send_group_notice", { group_id: G, text: "hi", accounts: ["ghost_1"] });
    expect(textOf(ghost)).toMatch(/Not members/);
    expect(calls("send_group_system_notification")).toBe(before);
  });
});
