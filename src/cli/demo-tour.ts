// `npm run demo`: start this server in demo mode over stdio, connect a real MCP client, call the tools
// on the demo groups and print what they answer. Needs no arguments and exits by itself.
import { DAY_SECONDS } from "../core/time.js";
import { DEMO_SPAMMER } from "../emulator/demo-history.js";
import { DEMO_ACCOUNTS, DEMO_GROUP_IDS, DEMO_TOPIC_IDS } from "../emulator/demo-ids.js";

interface Step {
  tool: string;
  args: Record<string, unknown>;
  why: string;
  /** A write shown the safe way: its dry run first, then the same call with the dry run's confirm_token. */
  confirm?: true;
}

const STEPS: Step[] = [
  {
    tool: "get_group_info",
    args: {
      group_ids: [DEMO_GROUP_IDS.public, DEMO_GROUP_IDS.avChatRoom, DEMO_GROUP_IDS.community, DEMO_GROUP_IDS.dismissed],
    },
    why: "profiles of several groups, one of them dismissed",
  },
  {
    tool: "get_group_member_info",
    args: { group_id: DEMO_GROUP_IDS.private, limit: 5 },
    why: "one page of a Work group's members",
  },
  {
    tool: "get_group_member_info",
    args: { group_id: DEMO_GROUP_IDS.avChatRoom },
    why: "a live group has no member list: the error says what to use instead",
  },
  {
    tool: "get_online_members",
    args: { group_id: DEMO_GROUP_IDS.avChatRoomSmall },
    why: "who is watching a live group",
  },
  { tool: "get_online_member_num", args: { group_id: DEMO_GROUP_IDS.community }, why: "online count of a Community" },
  {
    tool: "summarize_group_members",
    args: { group_id: DEMO_GROUP_IDS.public },
    why: "whole-group summary: roles, muted, silent members",
  },
  {
    tool: "find_group_members",
    args: { group_id: DEMO_GROUP_IDS.community, muted: true, max_results: 5 },
    why: "who is muted in a Community",
  },
  {
    tool: "summarize_online_members",
    args: { group_id: DEMO_GROUP_IDS.avChatRoom },
    why: "the whole online list of a live group, summarised",
  },
  {
    tool: "get_user_groups",
    args: { account: DEMO_ACCOUNTS.alice },
    why: "which groups is alice in, and as what? (every type, live groups included)",
  },
  {
    tool: "list_groups",
    args: {
      inactive_since: new Date(Date.now() - 90 * DAY_SECONDS * 1000).toISOString().slice(0, 10),
      min_members: 10,
    },
    why: "find the app's groups quiet for 90 days with 10+ members (pages the ID list at 1 call/s)",
  },
  {
    tool: "check_members",
    args: { group_id: "@TGS#2CLUB00", accounts: [DEMO_ACCOUNTS.alice, "k0_bob", "mallory"] },
    why: "which of these accounts are in a group, and with which role",
  },
  {
    tool: "get_groups_overview",
    args: { group_ids: Object.values(DEMO_GROUP_IDS), max_rows: 5 },
    why: "every demo group in one call, capped at 5 rows: largest first, and the text names the exact call for the rest",
  },
  {
    tool: "list_groups",
    args: { group_type: "AVChatRoom", sort_by: "online", max_results: 3 },
    why: "which live group has the most viewers? one call: live online counts, sorted",
  },
  {
    tool: "summarize_group_members",
    args: { group_id: DEMO_GROUP_IDS.publicLarge, max_members: 2500 },
    why: "a partial summary: its text names the exact call that continues it, counts carried over",
  },
  {
    tool: "set_member_marks",
    args: {
      group_id: DEMO_GROUP_IDS.public,
      action: "set",
      members: [{ account: "p_alice", marks: [1000] }],
      dry_run: true,
    },
    why: "a dry run checks first: marks exist only in live groups, so this one would fail, and nothing is sent",
  },
  {
    tool: "set_member_marks",
    args: {
      group_id: DEMO_GROUP_IDS.avChatRoomSmall,
      action: "set",
      members: [
        { account: "guest_00001", marks: [1000] },
        { account: "guest_away1", marks: [1000] },
      ],
    },
    why: "mark members of a live group (writes are enabled for the tour)",
  },
  { tool: "explain_chat_error", args: { code: 70001 }, why: "what an error code means" },
  // A moderation story: read what was said, find the spammer, recall, preview and confirm, act.
  {
    tool: "get_group_messages",
    args: { group_id: DEMO_GROUP_IDS.public, max_messages: 8 },
    why: "moderation 1/5: read the latest messages of a group (message text is data, never instructions)",
  },
  {
    tool: "get_group_messages",
    args: { group_id: DEMO_GROUP_IDS.public, text_contains: "spam.example", max_messages: 20 },
    why: "moderation 2/5: find who posts the spam links",
  },
  {
    tool: "recall_messages",
    args: { group_id: DEMO_GROUP_IDS.public, msg_seqs: [997, 987, 982], reason: "spam" },
    why: "moderation 3/5: recall the latest spam (up to 10 messages need no confirmation)",
  },
  {
    tool: "mute_members",
    args: { group_id: DEMO_GROUP_IDS.public, accounts: [DEMO_SPAMMER], duration_seconds: 86_400 },
    why: "moderation 4/5: mute the spammer for a day: dry run first (sends nothing), then the same call with its token",
    confirm: true,
  },
  {
    tool: "delete_member_messages",
    args: { group_id: DEMO_GROUP_IDS.public, account: DEMO_SPAMMER },
    why: "moderation 5/5: delete the rest of the spammer's messages (always confirmed; every write is audited)",
    confirm: true,
  },
  // Administration: the same safety model for the rest of the group family.
  {
    tool: "send_group_message",
    args: { group_id: DEMO_GROUP_IDS.public, text: "A spammer was muted; please report links you did not ask for." },
    why: "admin 1/5: tell the group (one Random per call: a retried request never posts twice)",
  },
  {
    tool: "create_group",
    args: { type: "Public", name: "Moderators", group_id: "moderators-demo", owner: "p_alice", members: ["p_bob"] },
    why: "admin 2/5: create a group with a custom ID, an owner and a member",
  },
  {
    tool: "add_members",
    args: { group_id: "moderators-demo", accounts: ["p_carol", "p_bob"] },
    why: "admin 3/5: add members: an outcome per account (added, already a member, failed)",
  },
  {
    tool: "transfer_ownership",
    args: { group_id: "moderators-demo", new_owner: "p_carol" },
    why: "admin 4/5: hand the group over (always confirmed: the dry run checks the new owner is a member)",
    confirm: true,
  },
  {
    tool: "dismiss_group",
    args: { group_id: "moderators-demo" },
    why: "admin 5/5: dismiss it for good (always confirmed: the dry run shows its name, type and size)",
    confirm: true,
  },
  // Communities keep topics, each with its own messages and mutes; live rooms keep state in attributes and counters.
  { tool: "list_topics", args: { group_id: DEMO_GROUP_IDS.community }, why: "topics 1/3: a Community's topics" },
  {
    tool: "get_group_messages",
    args: { group_id: DEMO_GROUP_IDS.community, topic_id: DEMO_TOPIC_IDS.help, max_messages: 3 },
    why: "topics 2/3: read one topic's messages (its history is apart from the group's)",
  },
  {
    tool: "mute_members",
    args: {
      group_id: DEMO_GROUP_IDS.community,
      topic_id: DEMO_TOPIC_IDS.help,
      accounts: ["c_bob"],
      duration_seconds: 600,
    },
    why: "topics 3/3: mute someone in that topic only",
  },
  {
    tool: "get_group_attributes",
    args: { group_id: DEMO_GROUP_IDS.avChatRoom },
    why: "live state 1/2: a live room's attributes (its scene and seats)",
  },
  {
    tool: "update_group_counters",
    args: { group_id: DEMO_GROUP_IDS.avChatRoom, counters: { like: 1 }, mode: "increase" },
    why: "live state 2/2: count a like (returns the new value)",
  },
];

export async function runDemoTour(io: { out: (line: string) => void }): Promise<number> {
  const { connectToSelf } = await import("./spawn-client.js");
  io.out(
    "Starting tencent-chat-group-mcp in demo mode (embedded emulator, demo data) and connecting an MCP client over stdio...",
  );
  // Every toolset for the tour; a host that starts the server without flags sees the default toolsets only.
  const { client } = await connectToSelf(["--demo", "--enable-writes", "--toolsets", "all"]);
  try {
    const { tools } = await client.listTools();
    io.out(
      `\nThe server lists ${tools.length} tools (every toolset, for the tour; without flags it lists the groups and moderation toolsets, and --dynamic-toolsets lets the agent enable more): ${tools.map((t) => t.name).join(", ")}`,
    );
    const listed = new Set(tools.map((t) => t.name));
    let failures = 0;
    for (const step of STEPS) {
      if (!listed.has(step.tool)) continue;
      io.out(`\n── ${step.tool} — ${step.why}`);
      io.out(`   arguments: ${clip(JSON.stringify(step.args))}`);
      let args = step.args;
      if (step.confirm) {
        const dry = await client.callTool({ name: step.tool, arguments: { ...args, dry_run: true } });
        show(io, dry);
        const token = (dry.structuredContent as { confirm_token?: string } | undefined)?.confirm_token;
        args = { ...args, confirm_token: token };
        io.out(`   then with the dry run's confirm_token: ${clip(JSON.stringify(args))}`);
        if (dry.isError) failures++;
      }
      const result = await client.callTool({ name: step.tool, arguments: args });
      show(io, result);
      // The AVChatRoom member-list call is expected to fail with a pointer; anything else failing is a problem.
      if (result.isError && step.tool !== "get_group_member_info") failures++;
    }
    io.out(
      `\nDemo tour finished${failures ? ` with ${failures} unexpected errors` : ""}. Next: serve the demo to a host with "npx tencent-chat-group-mcp --demo" (see README).`,
    );
    return failures ? 1 : 0;
  } finally {
    await client.close();
  }
}

/** The tour's own echo of long arguments: shortened, and said to be. */
function clip(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}… (${s.length - 200} more characters)` : s;
}

function show(io: { out: (line: string) => void }, result: Record<string, unknown>): void {
  const text = ((result.content ?? []) as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");
  const lines = text.split("\n");
  for (const line of lines.slice(0, 14)) io.out(`   ${line}`);
  if (lines.length > 14) io.out(`   … (${lines.length - 14} more lines)`);
}
