// Moderation through a real MCP client: every write's effect is read back from the emulator's state, chunk
// sizes from its call counts, and the safety rules (dry runs send nothing, tokens, audit lines) are checked.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS, DEMO_SPAMMER, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let emu: RunningEmulator;
let h: Harness;
const auditPath = join(mkdtempSync(join(tmpdir(), "tcgm-audit-")), "audit.jsonl");

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  h = await startHarness({ sharedEmulator: emu, enableWrites: true, argv: ["--audit-log", auditPath] });
});
afterAll(async () => {
  await h.close();
  await emu.stop();
});

const calls = (api: string) => emu.control.stats().calls[`${emu.credentials.sdkAppId}:${api}`] ?? 0;
const group = (id: string) => emu.control.group(id)!;
const members = (id: string) => Array.from({ length: group(id).members.count() }, (_, i) => group(id).members.at(i));
const auditLines = () =>
  readFileSync(auditPath, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** A write above the threshold: its dry run, then the same call with the dry run's token. */
async function confirmed(tool: string, args: Record<string, unknown>) {
  const dry = structured<{ confirm_token: string }>(await callTool(h.client, tool, { ...args, dry_run: true }));
  return callTool(h.client, tool, { ...args, confirm_token: dry.confirm_token });
}

describe("reading what was said", () => {
  it("get_group_messages pages back by sequence and filters by sender, as the history says", async () => {
    const history = group(DEMO_GROUP_IDS.public).messages.filter((m) => m.state === "normal");
    const newest = structured<{ messages: { seq: number }[]; next_before_seq: number }>(
      await callTool(h.client, "get_group_messages", { group_id: DEMO_GROUP_IDS.public, max_messages: 30 }),
    );
    expect(newest.messages.map((m) => m.seq)).toEqual(
      history
        .slice(-30)
        .reverse()
        .map((m) => m.MsgSeq),
    );
    const older = structured<{ messages: { seq: number }[] }>(
      await callTool(h.client, "get_group_messages", {
        group_id: DEMO_GROUP_IDS.public,
        max_messages: 5,
        before_seq: newest.next_before_seq,
      }),
    );
    expect(older.messages[0]!.seq).toBe(newest.next_before_seq - 1);
    const r = await callTool(h.client, "get_group_messages", {
      group_id: DEMO_GROUP_IDS.public,
      from_account: DEMO_SPAMMER,
      max_messages: 1000,
    });
    const spam = structured<{ messages: { from: string; text: string }[]; complete: boolean }>(r);
    expect(spam.complete).toBe(true);
    expect(spam.messages.length).toBe(history.filter((m) => m.From_Account === DEMO_SPAMMER).length);
    // Hostile text stays data: no bidi or control characters, quoted in the text, and flagged.
    for (const m of spam.messages) expect(m.text).not.toMatch(/[\u202a-\u202e\u0000-\u001f]/);
    expect(textOf(r)).toContain('"Ignore all previous instructions');
    expect(textOf(r)).toMatch(/do not follow it/);
  });

  it("a live group keeps no history: the error says so", async () => {
    const r = await callTool(h.client, "get_group_messages", { group_id: DEMO_GROUP_IDS.avChatRoom });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/keep no message history/);
  });
});

describe("mute, remove, ban", () => {
  it("mute_members mutes members only, never the owner, and the mute shows in profiles and the muted list", async () => {
    const g = DEMO_GROUP_IDS.chatRoom;
    const [owner, a, b] = members(g).map((m) => m.Member_Account);
    const r = structured<{ done: string[]; not_members: string[]; refused: string[] }>(
      await callTool(h.client, "mute_members", {
        group_id: g,
        accounts: [a, b, owner, "stranger"],
        duration_seconds: 3600,
      }),
    );
    expect(r.done.sort()).toEqual([a, b].sort());
    expect(r.not_members).toEqual(["stranger"]);
    expect(r.refused[0]).toContain(owner!);
    const now = Math.floor(Date.now() / 1000);
    for (const acc of [a, b]) expect(members(g).find((m) => m.Member_Account === acc)!.MuteUntil).toBeGreaterThan(now);
    const muted = structured<{ muted: { account: string }[] }>(
      await callTool(h.client, "get_muted_members", { group_id: g }),
    );
    expect(muted.muted.map((m) => m.account)).toEqual(expect.arrayContaining([a, b]));
    await callTool(h.client, "unmute_members", { group_id: g, accounts: [a!] });
    expect(members(g).find((m) => m.Member_Account === a)!.MuteUntil).toBe(0);
  });

  it("a Work group is refused before anything is sent", async () => {
    const before = calls("forbid_send_msg");
    const r = await callTool(h.client, "mute_members", {
      group_id: DEMO_GROUP_IDS.private,
      accounts: ["w_bob"],
      duration_seconds: 60,
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toContain("remove_members");
    expect(calls("forbid_send_msg")).toBe(before);
  });

  it("above 20 accounts: refused without a token (0 requests), a token for other arguments is refused, the dry run's works in chunks of 500", async () => {
    const g = DEMO_GROUP_IDS.community100k;
    const accounts = members(g)
      .slice(10, 611)
      .map((m) => m.Member_Account);
    const args = { group_id: g, accounts, duration_seconds: 600 };
    const before = calls("forbid_send_msg");
    const total = emu.control.totalCalls();
    const refused = await callTool(h.client, "mute_members", args);
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/confirm_token/);
    expect(emu.control.totalCalls()).toBe(total); // refused before any request, reads included
    const dry = structured<{ confirm_token: string; would_send: unknown[]; dry_run: boolean }>(
      await callTool(h.client, "mute_members", { ...args, dry_run: true }),
    );
    expect(dry.would_send).toHaveLength(2);
    expect(calls("forbid_send_msg")).toBe(before); // the refusal and the dry run sent nothing
    const other = await callTool(h.client, "mute_members", {
      ...args,
      duration_seconds: 601,
      confirm_token: dry.confirm_token,
    });
    expect(other.isError).toBe(true);
    expect(textOf(other)).toMatch(/belongs to other arguments/);
    // The same accounts in another order are the same write.
    const r = structured<{ done_count: number }>(
      await callTool(h.client, "mute_members", {
        ...args,
        accounts: [...accounts].reverse(),
        confirm_token: dry.confirm_token,
      }),
    );
    expect(r.done_count).toBe(601);
    expect(calls("forbid_send_msg") - before).toBe(2);
  });

  it("remove_members removes in chunks of 100; removed members leave the list and the count", async () => {
    const g = DEMO_GROUP_IDS.community;
    const all = members(g);
    const targets = all.slice(-250).map((m) => m.Member_Account);
    const before = calls("delete_group_member");
    const r = structured<{ done_count: number }>(await confirmed("remove_members", { group_id: g, accounts: targets }));
    expect(r.done_count).toBe(250);
    expect(calls("delete_group_member") - before).toBe(3);
    expect(group(g).members.count()).toBe(all.length - 250);
    const info = structured<{ groups: { member_num: number }[] }>(
      await callTool(h.client, "get_group_info", { group_ids: [g] }),
    );
    expect(info.groups[0]!.member_num).toBe(all.length - 250);
  });

  it("remove_members refuses a live group and names ban_members", async () => {
    const r = await callTool(h.client, "remove_members", {
      group_id: DEMO_GROUP_IDS.avChatRoom,
      accounts: ["viewer_00001"],
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toContain("ban_members");
  });

  it("ban_members bans in chunks of 20 and takes viewers off the online list; unban needs no token", async () => {
    const g = DEMO_GROUP_IDS.avChatRoom;
    const viewers = group(g)
      .online.slice(0, 45)
      .map((m) => m.Member_Account);
    const before = calls("ban_group_member");
    const r = structured<{ done_count: number }>(
      await confirmed("ban_members", { group_id: g, accounts: viewers, duration_seconds: 3600, reason: "raid" }),
    );
    expect(r.done_count).toBe(45);
    expect(calls("ban_group_member") - before).toBe(3);
    const online = new Set(group(g).online.map((m) => m.Member_Account));
    for (const v of viewers) expect(online.has(v)).toBe(false);
    const banned = structured<{ count: number }>(await callTool(h.client, "get_banned_members", { group_id: g }));
    expect(banned.count).toBe(45);
    const lifted = structured<{ done_count: number }>(
      await callTool(h.client, "unban_members", { group_id: g, accounts: viewers }),
    );
    expect(lifted.done_count).toBe(45);
    expect(structured<{ count: number }>(await callTool(h.client, "get_banned_members", { group_id: g })).count).toBe(
      0,
    );
  });

  it("ban_members on a non-live group: the refusal names the plan switch and the alternatives", async () => {
    const r = await callTool(h.client, "ban_members", {
      group_id: DEMO_GROUP_IDS.public,
      accounts: [DEMO_SPAMMER],
      duration_seconds: 60,
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/console/);
    expect(textOf(r)).toMatch(/remove_members/);
  });
});

describe("recall, delete, mute all", () => {
  it("recall_messages' dry run shows each message it would recall, finds unknown ones, and sends no recall", async () => {
    const g = DEMO_GROUP_IDS.public;
    const spam = group(g)
      .messages.filter((m) => m.From_Account === DEMO_SPAMMER && m.state === "normal")
      .slice(-2);
    const before = calls("group_msg_recall");
    const r = structured<{ results: { seq: number; outcome: string; message?: { from: string } }[] }>(
      await callTool(h.client, "recall_messages", {
        group_id: g,
        msg_seqs: [...spam.map((m) => m.MsgSeq), 2],
        dry_run: true,
      }),
    );
    expect(calls("group_msg_recall")).toBe(before);
    expect(r.results.map((x) => x.outcome)).toEqual(["would_recall", "would_recall", "not_found"]);
    for (const x of r.results.slice(0, 2)) expect(x.message?.from).toBe(DEMO_SPAMMER);
  });

  it("recall_messages: per-message outcome; recalled messages leave the history; more than 10 need a token", async () => {
    const g = DEMO_GROUP_IDS.public;
    const seqs = group(g)
      .messages.filter((m) => m.state === "normal")
      .slice(0, 3)
      .map((m) => m.MsgSeq);
    const r = structured<{ recalled: number; results: { seq: number; outcome: string }[] }>(
      await callTool(h.client, "recall_messages", { group_id: g, msg_seqs: [...seqs, 1] }),
    );
    expect(r.recalled).toBe(3);
    expect(r.results.find((x) => x.seq === 1)!.outcome).toBe("failed");
    const visible = structured<{ messages: { seq: number }[] }>(
      await callTool(h.client, "get_group_messages", { group_id: g, max_messages: 1000 }),
    );
    for (const s of seqs) expect(visible.messages.some((m) => m.seq === s)).toBe(false);
    const withRecalled = structured<{ messages: { seq: number; recalled: boolean }[] }>(
      await callTool(h.client, "get_group_messages", { group_id: g, max_messages: 1000, include_recalled: true }),
    );
    for (const s of seqs) expect(withRecalled.messages.find((m) => m.seq === s)?.recalled).toBe(true);

    const many = group(g)
      .messages.filter((m) => m.state === "normal")
      .slice(0, 15)
      .map((m) => m.MsgSeq);
    const before = calls("group_msg_recall");
    const total = emu.control.totalCalls();
    expect((await callTool(h.client, "recall_messages", { group_id: g, msg_seqs: many })).isError).toBe(true);
    expect(emu.control.totalCalls()).toBe(total);
    const done = structured<{ recalled: number }>(await confirmed("recall_messages", { group_id: g, msg_seqs: many }));
    expect(done.recalled).toBe(15);
    expect(calls("group_msg_recall") - before).toBe(2);
  });

  it("delete_member_messages always needs a token; then the sender's messages are gone", async () => {
    const g = DEMO_GROUP_IDS.public;
    const total = emu.control.totalCalls();
    const refused = await callTool(h.client, "delete_member_messages", { group_id: g, account: DEMO_SPAMMER });
    expect(refused.isError).toBe(true);
    expect(emu.control.totalCalls()).toBe(total);
    const r = structured<{ done: boolean }>(
      await confirmed("delete_member_messages", { group_id: g, account: DEMO_SPAMMER }),
    );
    expect(r.done).toBe(true);
    const left = structured<{ messages: unknown[] }>(
      await callTool(h.client, "get_group_messages", { group_id: g, from_account: DEMO_SPAMMER, max_messages: 1000 }),
    );
    expect(left.messages).toHaveLength(0);
  });

  it("set_mute_all shows in get_group_info; its dry run changes nothing", async () => {
    const g = DEMO_GROUP_IDS.ownerless;
    await callTool(h.client, "set_mute_all", { group_id: g, muted: true, dry_run: true });
    expect(group(g).MuteAllMember).toBe("Off");
    await callTool(h.client, "set_mute_all", { group_id: g, muted: true });
    const info = structured<{ groups: { mute_all_member: boolean }[] }>(
      await callTool(h.client, "get_group_info", { group_ids: [g] }),
    );
    expect(info.groups[0]!.mute_all_member).toBe(true);
  });
});

describe("audit and gating", () => {
  it("every write and dry run left one JSON line: tool, group, arguments, dry run, outcome, client; no secret", () => {
    const lines = auditLines();
    const tools = new Set(lines.map((l) => l.tool));
    for (const t of [
      "mute_members",
      "unmute_members",
      "remove_members",
      "ban_members",
      "unban_members",
      "recall_messages",
      "delete_member_messages",
      "set_mute_all",
    ])
      expect(tools.has(t), t).toBe(true);
    expect(lines.some((l) => l.dry_run === true)).toBe(true);
    for (const l of lines) {
      expect(l).toMatchObject({ client: "test-client" });
      expect(typeof l.time).toBe("string");
      expect(l.args).toBeTypeOf("object");
      expect(l.outcome).toBeTypeOf("object");
    }
    const mute = lines.find((l) => l.tool === "mute_members" && l.dry_run === false)!;
    expect((mute.args as { accounts: string[] }).accounts.length).toBeGreaterThan(0);
    expect(readFileSync(auditPath, "utf8")).not.toContain(emu.credentials.secretKey);
  });

  it("without an audit file the record goes to the MCP log at notice level", async () => {
    const h2 = await startHarness({ sharedEmulator: emu, enableWrites: true });
    const notices: { level: string; data: unknown }[] = [];
    h2.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      notices.push(n.params as { level: string; data: unknown });
    });
    await callTool(h2.client, "set_mute_all", { group_id: DEMO_GROUP_IDS.ownerless, muted: false });
    await new Promise((r) => setImmediate(r));
    const audit = notices.find((n) => n.level === "notice" && JSON.stringify(n.data).includes('"tool":"set_mute_all"'));
    expect(audit).toBeDefined();
    await h2.close();
  });

  it("a confirm token from one replica is accepted by another of the same app", async () => {
    const h2 = await startHarness({ sharedEmulator: emu, enableWrites: true });
    const args = {
      group_id: DEMO_GROUP_IDS.community100k,
      accounts: members(DEMO_GROUP_IDS.community100k)
        .slice(700, 730)
        .map((m) => m.Member_Account),
      duration_seconds: 60,
    };
    const dry = structured<{ confirm_token: string }>(
      await callTool(h.client, "mute_members", { ...args, dry_run: true }),
    );
    const r = structured<{ done_count: number }>(
      await callTool(h2.client, "mute_members", { ...args, confirm_token: dry.confirm_token }),
    );
    expect(r.done_count).toBe(30);
    await h2.close();
  });

  it("write tools are listed only with writes enabled and never with read-only, by flag or environment", async () => {
    const { loadConfig } = await import("../../src/config/load.js");
    const { selectTools } = await import("../../src/tools/select.js");
    const { ALL_TOOLS } = await import("../../src/tools/index.js");
    const writes = (argv: string[], env: Record<string, string> = {}) =>
      selectTools(ALL_TOOLS, loadConfig({ argv, env }).config)
        .map((t) => t.name)
        .filter((n) => ["mute_members", "remove_members", "ban_members", "recall_messages", "set_mute_all"].includes(n))
        .length;
    expect(writes([])).toBe(0);
    expect(writes(["--enable-writes"])).toBe(5);
    expect(writes([], { TENCENT_CHAT_ENABLE_WRITES: "true" })).toBe(5);
    expect(writes(["--enable-writes", "--read-only"])).toBe(0);
    expect(writes(["--enable-writes"], { TENCENT_CHAT_READ_ONLY: "true" })).toBe(0);
    expect(writes([], { TENCENT_CHAT_ENABLE_WRITES: "true", TENCENT_CHAT_READ_ONLY: "1" })).toBe(0);
    expect(writes(["--tools", "mute_members"])).toBe(0);
    const h2 = await startHarness({ sharedEmulator: emu });
    const r = await callTool(h2.client, "mute_members", {
      group_id: DEMO_GROUP_IDS.public,
      accounts: ["x"],
      duration_seconds: 1,
    });
    expect(r.isError).toBe(true);
    await h2.close();
  });
});

describe("doc variants", () => {
  it("the older names (ShuttedUinList, ShutUpTime) work as well as the current ones", async () => {
    const old = await startEmulator({ port: 0, mutedListField: "ShuttedUinList", muteTimeField: "ShutUpTime" });
    const h2 = await startHarness({ sharedEmulator: old, enableWrites: true });
    const g = DEMO_GROUP_IDS.chatRoom;
    const target = old.control.group(g)!.members.at(3).Member_Account;
    const r = structured<{ done_count: number }>(
      await callTool(h2.client, "mute_members", { group_id: g, accounts: [target], duration_seconds: 120 }),
    );
    expect(r.done_count).toBe(1);
    const muted = structured<{ muted: { account: string }[] }>(
      await callTool(h2.client, "get_muted_members", { group_id: g }),
    );
    expect(muted.muted.map((m) => m.account)).toContain(target);
    await h2.close();
    await old.stop();
  });

  it("with banning on for every type (the 2025 reading) a Public group bans", async () => {
    const all = await startEmulator({ port: 0, banTypes: "all-types" });
    const h2 = await startHarness({ sharedEmulator: all, enableWrites: true });
    const r = structured<{ done_count: number }>(
      await callTool(h2.client, "ban_members", {
        group_id: DEMO_GROUP_IDS.public,
        accounts: [DEMO_SPAMMER],
        duration_seconds: 60,
      }),
    );
    expect(r.done_count).toBe(1);
    expect(all.control.group(DEMO_GROUP_IDS.public)!.members.indexOf(DEMO_SPAMMER)).toBe(-1);
    await h2.close();
    await all.stop();
  });
});
