// Community topics through a real MCP client: list, create, change, delete, read back through get_topic; and
// topic isolation in the message and mute tools (a mute in topic A leaves topic B and the group alone, a
// recall in a topic leaves the group's history alone), refused topics before any request, audit lines.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clubGroupId, DEMO_GROUP_IDS, DEMO_TOPIC_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
const auditPath = join(mkdtempSync(join(tmpdir(), "tcgm-topics-")), "audit.jsonl");
beforeAll(async () => {
  h = await startHarness({ enableWrites: true, argv: ["--audit-log", auditPath] });
});
afterAll(() => h.close());

const C = DEMO_GROUP_IDS.community;
const T = DEMO_TOPIC_IDS;
const calls = (api: string) => h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:${api}`] ?? 0;
const group = () => h.emulator.control.group(C)!;
const lastAudit = (tool: string) =>
  readFileSync(auditPath, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { tool: string; status: string })
    .filter((a) => a.tool === tool)
    .at(-1);
const tokenOf = (r: Awaited<ReturnType<typeof callTool>>) => structured<{ confirm_token: string }>(r).confirm_token;
type Topic = { topic_id: string; name: string; mute_all: boolean; introduction: string };

describe("topics", () => {
  it("list_topics names every topic in the text; a Community without topics and a Public group are refused", async () => {
    const r = await callTool(h.client, "list_topics", { group_id: C });
    const d = structured<{ topics: Topic[] }>(r);
    expect(d.topics.map((t) => t.topic_id)).toEqual([T.general, T.help, T.announcements]);
    for (const t of d.topics) expect(textOf(r)).toContain(t.topic_id);
    expect(d.topics.find((t) => t.topic_id === T.announcements)?.mute_all).toBe(true);
    const off = await callTool(h.client, "list_topics", { group_id: clubGroupId(3) });
    expect(textOf(off)).toMatch(/does not have topics switched on/);
    const pub = await callTool(h.client, "list_topics", { group_id: DEMO_GROUP_IDS.public });
    expect(textOf(pub)).toMatch(/is not a Community: only Communities have topics/);
  });

  it("creates a topic with a custom ID, changes it, and deletes it behind a token; get_topic reads each step back", async () => {
    const id = `${C}@TOPIC#_events`;
    const created = await callTool(h.client, "create_topic", {
      group_id: C,
      name: "Events",
      topic_id: id,
      introduction: "Meetups",
    });
    expect(structured(created)).toMatchObject({ topic_id: id });
    expect(group().topics.get(id)?.Introduction).toBe("Meetups");
    const dup = await callTool(h.client, "create_topic", { group_id: C, name: "Again", topic_id: id });
    expect(textOf(dup)).toMatch(/exists already/);
    const bad = await callTool(h.client, "create_topic", { group_id: C, name: "x", topic_id: "@TOPIC#_events" });
    expect(textOf(bad)).toMatch(/starts with "@TGS#_@TGS#cCOMMUNITY1@TOPIC#_"/);
    const upd = await callTool(h.client, "update_topic", {
      group_id: C,
      topic_id: id,
      name: "Events 2026",
      mute_all: true,
    });
    const u = structured<{ before: Topic; after: Topic }>(upd);
    expect(u.before.name).toBe("Events");
    expect(u.after).toMatchObject({ name: "Events 2026", mute_all: true });
    const bare = await callTool(h.client, "delete_topic", { group_id: C, topic_ids: [id] });
    expect(textOf(bare)).toMatch(/Confirmation needed: deleting a topic deletes its messages/);
    const dry = await callTool(h.client, "delete_topic", {
      group_id: C,
      topic_ids: [id, `${C}@TOPIC#_nope`],
      dry_run: true,
    });
    expect(textOf(dry)).toMatch(/Would delete 1 topics .*\n.*"Events 2026"/);
    expect(textOf(dry)).toMatch(/Not found \(left out\): @TGS#_@TGS#cCOMMUNITY1@TOPIC#_nope/);
    expect(calls("destroy_topic")).toBe(0);
    const done = await callTool(h.client, "delete_topic", {
      group_id: C,
      topic_ids: [id, `${C}@TOPIC#_nope`],
      confirm_token: tokenOf(dry),
    });
    expect(structured(done)).toMatchObject({ deleted: [id] });
    expect(group().topics.has(id)).toBe(false);
    expect(lastAudit("delete_topic")?.status).toBe("done");
  });

  it("refuses a 31-byte topic name before sending", async () => {
    const before = calls("create_topic");
    const long = await callTool(h.client, "create_topic", { group_id: C, name: "话".repeat(11) });
    expect(textOf(long)).toMatch(/at most 30 bytes/);
    expect(calls("create_topic")).toBe(before);
  });
});

describe("topic-aware message and mute tools", () => {
  it("a mute in one topic leaves the other topic and the group alone; get_muted_members reads each apart", async () => {
    const who = group().members.at(5).Member_Account;
    const r = await callTool(h.client, "mute_members", {
      group_id: C,
      topic_id: T.general,
      accounts: [who],
      duration_seconds: 600,
    });
    expect(textOf(r)).toMatch(/Mute \(for 600 s\) in topic "General" \(@TGS#_@TGS#cCOMMUNITY1@TOPIC#_general\)/);
    expect(structured(r)).toMatchObject({ topic_id: T.general, done: [who] });
    const inGeneral = structured<{ muted: { account: string }[] }>(
      await callTool(h.client, "get_muted_members", { group_id: C, topic_id: T.general }),
    );
    expect(inGeneral.muted.map((m) => m.account)).toEqual([who]);
    const inHelp = structured<{ muted: { account: string }[] }>(
      await callTool(h.client, "get_muted_members", { group_id: C, topic_id: T.help }),
    );
    expect(inHelp.muted).toEqual([]);
    const inGroup = structured<{ muted: { account: string }[] }>(
      await callTool(h.client, "get_muted_members", { group_id: C }),
    );
    expect(inGroup.muted.map((m) => m.account)).not.toContain(who);
    // The muted member cannot post in that topic, but can in the other.
    const blocked = await callTool(h.client, "send_group_message", {
      group_id: C,
      topic_id: T.general,
      text: "hi",
      from_account: who,
    });
    expect(textOf(blocked)).toMatch(/10017/);
    const ok = await callTool(h.client, "send_group_message", {
      group_id: C,
      topic_id: T.help,
      text: "hi",
      from_account: who,
    });
    expect(textOf(ok)).toMatch(/Posted to @TGS#_@TGS#cCOMMUNITY1 in topic "Help desk"/);
    await callTool(h.client, "unmute_members", { group_id: C, topic_id: T.general, accounts: [who] });
    expect(group().topics.get(T.general)!.mutes.size).toBe(0);
  });

  it("posts, reads and recalls in a topic; the group's own history is untouched", async () => {
    const groupHistory = group()
      .messages.map((m) => `${m.MsgSeq}:${m.state}`)
      .join(",");
    const posted = structured<{ msg_seq: number; topic_id: string }>(
      await callTool(h.client, "send_group_message", { group_id: C, topic_id: T.help, text: "How do I solder?" }),
    );
    expect(posted.topic_id).toBe(T.help);
    const again = await callTool(h.client, "send_group_message", { group_id: C, topic_id: T.help, text: "Anyone?" });
    expect(textOf(again)).toContain(`Read it back with get_group_messages {"group_id":"${C}","topic_id":"${T.help}"}`);
    const read = await callTool(h.client, "get_group_messages", { group_id: C, topic_id: T.help, max_messages: 3 });
    const msgs = structured<{ messages: { seq: number; text: string }[] }>(read).messages;
    expect(msgs[1]).toMatchObject({ seq: posted.msg_seq, text: "How do I solder?" });
    expect(textOf(read)).toMatch(/messages of @TGS#_@TGS#cCOMMUNITY1 in topic "Help desk"/);
    const rec = await callTool(h.client, "recall_messages", {
      group_id: C,
      topic_id: T.help,
      msg_seqs: [posted.msg_seq],
    });
    expect(textOf(rec)).toMatch(/Recalled 1 of 1 messages in @TGS#_@TGS#cCOMMUNITY1 in topic "Help desk"/);
    expect(
      group()
        .topics.get(T.help)!
        .messages.find((m) => m.MsgSeq === posted.msg_seq)?.state,
    ).toBe("recalled");
    expect(
      group()
        .messages.map((m) => `${m.MsgSeq}:${m.state}`)
        .join(","),
    ).toBe(groupHistory);
    const sender = group().topics.get(T.general)!.messages[0]!.From_Account;
    const del = await callTool(h.client, "delete_member_messages", {
      group_id: C,
      topic_id: T.general,
      account: sender,
      dry_run: true,
    });
    expect(textOf(del)).toMatch(/"TopicId":"@TGS#_@TGS#cCOMMUNITY1@TOPIC#_general"/);
  });

  it("refuses a topic on a non-Community, a foreign topic ID and an unknown topic before the write", async () => {
    const before = calls("forbid_send_msg");
    const pub = await callTool(h.client, "mute_members", {
      group_id: DEMO_GROUP_IDS.public,
      topic_id: T.general,
      accounts: ["p_bob"],
      duration_seconds: 60,
    });
    expect(textOf(pub)).toMatch(/@TGS#2PUBLICDEMO is not a Community: only Communities have topics/);
    const foreign = await callTool(h.client, "get_group_messages", { group_id: C, topic_id: "@TGS#_other@TOPIC#_x" });
    expect(textOf(foreign)).toMatch(/is not a topic of @TGS#_@TGS#cCOMMUNITY1/);
    const unknown = await callTool(h.client, "mute_members", {
      group_id: C,
      topic_id: `${C}@TOPIC#_gone`,
      accounts: ["x"],
      duration_seconds: 60,
    });
    expect(textOf(unknown)).toMatch(/has no topic @TGS#_@TGS#cCOMMUNITY1@TOPIC#_gone/);
    expect(calls("forbid_send_msg")).toBe(before);
  });
});
