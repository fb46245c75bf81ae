// The text never hides data (issue 22): many hosts show a model only the text of a result, so every
// account, group ID, topic ID and message sequence of the structured result is in the text, or the text
// carries the exact call (tool and JSON arguments) that returns the rest. Every read tool, on demo data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_GROUP_IDS } from "../../src/emulator/demo-ids.js";
import { isWriteTool } from "../../src/tools/define.js";
import { ALL_TOOLS } from "../../src/tools/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const G = DEMO_GROUP_IDS;
const publicMembers = () =>
  Array.from({ length: h.emulator.control.group(G.public)!.members.count() }, (_, i) =>
    String(h.emulator.control.group(G.public)!.members.at(i).Member_Account),
  );

/** Calls on demo data, per read tool: the plain call and the ones that cap, page or stop. */
const CASES: [string, () => Record<string, unknown>][] = [
  ["list_groups", () => ({})],
  ["list_groups", () => ({ max_results: 5 })],
  ["list_groups", () => ({ group_type: "AVChatRoom", sort_by: "online" })],
  ["list_groups", () => ({ sort_by: "members", max_results: 3 })],
  ["get_groups_overview", () => ({ group_ids: [G.public, G.community, G.avChatRoom, G.dismissed, G.private] })],
  ["get_groups_overview", () => ({ group_ids: [G.public, G.community, G.avChatRoom, G.private], max_rows: 2 })],
  ["get_group_info", () => ({ group_ids: [G.public, G.dismissed, G.community], include_members: true })],
  ["get_user_groups", () => ({ account: DEMO_ACCOUNTS.alice })],
  ["get_user_groups", () => ({ account: DEMO_ACCOUNTS.alice, max_results: 5 })],
  ["summarize_group_members", () => ({ group_id: G.public })],
  ["summarize_group_members", () => ({ group_id: G.community100k, max_seconds: 1 })],
  ["find_group_members", () => ({ group_id: G.public, fields: ["muted_until"] })],
  ["find_group_members", () => ({ group_id: G.publicLarge, max_results: 30 })],
  ["check_members", () => ({ group_id: G.public, accounts: [...publicMembers().slice(0, 30), "ghost_1", "ghost_2"] })],
  ["get_group_messages", () => ({ group_id: G.public })],
  ["get_group_messages", () => ({ group_id: G.public, max_messages: 5 })],
  ["get_muted_members", () => ({ group_id: G.public })],
  ["get_banned_members", () => ({ group_id: G.avChatRoom })],
  ["summarize_online_members", () => ({ group_id: G.avChatRoomSmall })],
  ["get_online_members", () => ({ group_id: G.avChatRoom })],
  ["get_online_member_num", () => ({ group_id: G.avChatRoom })],
  ["get_group_member_info", () => ({ group_id: G.public, limit: 15 })],
  ["list_group_ids", () => ({})],
  ["get_joined_groups", () => ({ account: DEMO_ACCOUNTS.alice })],
  ["get_member_roles", () => ({ group_id: G.public, accounts: [...publicMembers().slice(0, 10), "ghost_1"] })],
  ["explain_chat_error", () => ({ code: 10010 })],
  ["get_account_mute", () => ({ account: "p_mallory" })],
  ["get_member_profiles", () => ({ group_id: G.public, accounts: [...publicMembers().slice(0, 12), "ghost_1"] })],
  ["get_live_admins", () => ({ group_id: G.avChatRoom })],
  ["list_topics", () => ({ group_id: G.community })],
  ["get_group_messages", () => ({ group_id: G.community, topic_id: `${G.community}@TOPIC#_help`, max_messages: 5 })],
  ["get_muted_members", () => ({ group_id: G.community, topic_id: `${G.community}@TOPIC#_general` })],
  ["get_group_attributes", () => ({ group_id: G.avChatRoom })],
  ["get_group_counters", () => ({ group_id: G.avChatRoom })],
  ["check_members", () => ({ group_id: G.avChatRoomSmall, accounts: ["guest_00001", "guest_00002", "away_1"] })],
];

/** Keys whose values name an account, a group, a topic or a message. */
const ID_KEY =
  /^(account|accounts|.*_accounts?|group_id|group_ids|id|owner|owner_account|admins|sample|not_members|members|non_members|topic_id|topic_ids|msg_seq|seq|sequence|sequences|from_account|sender)$/;
/** Keys whose values are cursors or prose, not data items. */
const SKIP_KEY = /^(resume_cursor|next_cursor|next|caveat|meaning|next_step|as_of)$/;

function idsIn(value: unknown, underIdKey = false, out = new Set<string>()): Set<string> {
  if (typeof value === "string" || typeof value === "number") {
    if (underIdKey && String(value) !== "") out.add(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) idsIn(v, underIdKey, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (SKIP_KEY.test(k)) continue;
      // Items of an ID list may be objects (members: [{account, ...}]): their own keys decide.
      idsIn(v, ID_KEY.test(k) && (typeof v !== "object" || Array.isArray(v)), out);
    }
  }
  return out;
}

/** The exact calls a text offers for the rest: "call <tool> with {json}". */
function continuationCalls(text: string): { tool: string; args: unknown }[] {
  const calls: { tool: string; args: unknown }[] = [];
  for (const m of text.matchAll(/call ([a-z_]+) with (\{.*\})/g)) calls.push({ tool: m[1]!, args: JSON.parse(m[2]!) });
  return calls;
}

describe("the text never hides data", () => {
  it("every read tool has a case here", () => {
    const covered = new Set(CASES.map(([t]) => t));
    for (const t of ALL_TOOLS.filter((x) => !isWriteTool(x))) expect(covered.has(t.name), t.name).toBe(true);
  });

  it.each(CASES.map(([tool, args], i) => [`${tool} #${i}`, tool, args] as const))(
    "%s: each ID of the structured result is in the text, or the text names the call for the rest",
    async (_label, tool, args) => {
      const r = await callTool(h.client, tool, args());
      const text = textOf(r);
      const data = structured(r);
      const missing = [...idsIn(data)].filter((id) => !text.includes(id));
      const calls = continuationCalls(text);
      for (const c of calls)
        expect(
          ALL_TOOLS.some((t) => t.name === c.tool),
          c.tool,
        ).toBe(true);
      if (missing.length > 0) expect(calls, `${tool} text hides ${missing.slice(0, 5).join(", ")}`).not.toEqual([]);
      // Never cut in the middle: no dangling "…" inside JSON or a list.
      expect(text).not.toMatch(/[[{,]\s*…|…\s*[\]}]/);
    },
  );
});

describe("what was asked for is in the text", () => {
  it("fields asked for with fields: every member's join time and mute end", async () => {
    const r = await callTool(h.client, "find_group_members", {
      group_id: G.public,
      fields: ["join_time", "muted_until"],
    });
    const d = structured<{ matches: { account: string; join_time: string; muted_until: string | null }[] }>(r);
    const lines = textOf(r).split("\n");
    for (const m of d.matches) {
      const line = lines.find((l) => l.startsWith(`${JSON.stringify(m.account)} `));
      expect(line, m.account).toContain(`joined ${m.join_time}`);
      expect(line).toContain(m.muted_until ? `muted until ${m.muted_until}` : "not muted");
    }
  });

  it("online members' join times, for every member of the page", async () => {
    const r = await callTool(h.client, "get_online_members", { group_id: G.avChatRoom });
    const d = structured<{ members: { account: string; join_time: string }[] }>(r);
    expect(d.members.length).toBe(500);
    const text = textOf(r);
    for (const m of d.members) expect(text).toContain(`${JSON.stringify(m.account)} · `);
    for (const m of d.members) expect(text).toContain(`joined ${m.join_time}`);
  });

  it("a dry run shows every account it would send, never a request cut in the middle", async () => {
    const w = await startHarness({ enableWrites: true, sharedEmulator: h.emulator });
    try {
      const accounts = publicMembers().slice(1); // not the owner
      const r = await callTool(w.client, "ban_members", {
        group_id: G.public,
        accounts,
        duration_seconds: 600,
        dry_run: true,
      });
      const text = textOf(r);
      expect(text).toMatch(
        /Would send ban_group_member \d+ times \(at most 20 accounts each\): \{"GroupId":"@TGS#2PUBLICDEMO","Duration":600\} with Members_Account = the next of these \d+ accounts: /,
      );
      for (const a of accounts) expect(text).toContain(a);
      expect(text).not.toContain("…");
    } finally {
      await w.close();
    }
  });

  it("a partial scan labels its counts as so far", async () => {
    const r = await callTool(h.client, "summarize_group_members", { group_id: G.community1m, max_seconds: 1 });
    const text = textOf(r);
    expect(structured<{ complete: boolean }>(r).complete).toBe(false);
    expect(text).toMatch(/Roles \(so far\): /);
    expect(text).toMatch(/Joined in the last 7\/30\/90 days \(so far\): /);
    expect(text).toMatch(/To continue, call summarize_group_members with \{/);
  });
});
