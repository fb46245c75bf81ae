// What a dry run of the member-mark tools can check without writing: the group exists, it is an
// AVChatRoom (the only type with marks), and which accounts are on its online list (only online
// members can be marked, except with mark 500). The same checks a real call would fail on, said first.
import { describeChatError } from "../chat/error-codes.js";
import type { ChatGroups } from "../chat/groups.js";
import { SPECIAL_MARKS } from "../chat/marks.js";
import { onlinePages } from "./paginate.js";

export interface MarksPreflight {
  /** The group's type, or null when it could not be read. */
  groupType: string | null;
  /** Why the real call would fail, in words an agent can act on; undefined when it can go ahead. */
  problem?: string;
  /** Requested accounts not on the online list (offline, unknown, or beyond its 1,000-member cap). */
  notOnline: string[];
}

export async function preflightMarks(
  chat: ChatGroups,
  groupId: string,
  accounts: readonly string[],
  marks: readonly number[],
  signal: AbortSignal,
): Promise<MarksPreflight> {
  const info = await chat.profiles([groupId], { baseFields: ["Type"] }, { signal });
  const err = info.errors[0];
  if (err) {
    const d = describeChatError(err.ErrorCode, err.ErrorInfo, "get_group_info");
    return { groupType: null, problem: `error ${err.ErrorCode}: ${d.meaning} ${d.nextStep}`, notOnline: [] };
  }
  const type = String(info.groups[0]?.Type ?? "");
  if (type !== "AVChatRoom")
    return {
      groupType: type || null,
      problem: `${groupId} is ${type ? `a ${type} group` : "a group of unknown type"}: member marks exist only in AVChatRoom (live) groups, so the call would fail with 10007.`,
      notOnline: [],
    };
  // Mark 500 applies to offline members too: nothing to check for it.
  if (marks.length > 0 && marks.every((m) => m === SPECIAL_MARKS.alwaysOnline))
    return { groupType: type, notOnline: [] };
  const online = new Set<string>();
  for await (const page of onlinePages(chat, { groupId, timestamp: 0, signal }))
    for (const m of page.members) online.add(m.Member_Account);
  return { groupType: type, notOnline: accounts.filter((a) => !online.has(a)) };
}
