import { z } from "zod";
import type { GroupInfo } from "../../chat/response-schemas.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds } from "../../core/time.js";
import { quoteId } from "./quote.js";

export const GroupErrorOut = z.object({
  group_id: z.string(),
  code: z.number(),
  meaning: z.string(),
  next_step: z.string(),
  retryable: z.boolean().optional(),
});

/**
 * Per-group errors of a batch answer, one line per error: its groups, what it means and the next step
 * (said once per kind of error, however many groups share it).
 */
export function groupErrorLines(errors: readonly z.infer<typeof GroupErrorOut>[]): string[] {
  const byKind = new Map<string, { e: z.infer<typeof GroupErrorOut>; ids: string[] }>();
  for (const e of errors) {
    const key = `${e.code}\u0000${e.meaning}`;
    const kind = byKind.get(key) ?? { e, ids: [] };
    kind.ids.push(e.group_id);
    byKind.set(key, kind);
  }
  return [...byKind.values()].map(
    ({ e, ids }) =>
      `Error ${e.code} for ${ids.length === 1 ? ids[0] : `${ids.length} groups (${ids.join(", ")})`}: ${e.meaning} Next: ${e.next_step}`,
  );
}

/** One compact row per group (list_groups, get_user_groups): what an agent asks about a group first. */
export const GroupRowOut = z.object({
  group_id: z.string(),
  type: z.string(),
  name: z.string(),
  member_num: z.number().optional(),
  online: z.number().optional(),
  owner: z.string().optional(),
  mute_all: z.boolean().optional(),
  last_msg_time: z.string().optional(),
});
export type GroupRow = z.infer<typeof GroupRowOut>;

/** The profile fields a row shows: what list_groups, get_user_groups and get_groups_overview ask Tencent for. */
export const GROUP_ROW_FIELDS = ["Type", "Name", "MemberNum", "Owner_Account", "MuteAllMember", "LastMsgTime"];

/** The row of a group profile; fields Tencent did not send (or left empty) stay out: rows are many, keys cost. */
export function groupRow(g: GroupInfo): GroupRow {
  const out: GroupRow = {
    group_id: sanitizeText(g.GroupId, 64),
    type: String(g.Type ?? "?"),
    name: sanitizeText(g.Name ?? "", 60),
  };
  if (g.MemberNum !== undefined) out.member_num = g.MemberNum;
  if (g.Owner_Account) out.owner = sanitizeText(g.Owner_Account, 32);
  if (g.MuteAllMember !== undefined) out.mute_all = g.MuteAllMember === "On";
  const last = isoFromSeconds(g.LastMsgTime);
  if (last) out.last_msg_time = last;
  return out;
}

/** One text line per row. Group names are member-written text: quoted as data. */
export function groupRowLine(r: GroupRow, extra = ""): string {
  const parts = [`${r.group_id} ${r.type} ${JSON.stringify(r.name)}`];
  // A live group's count is an audience figure, not a member list.
  if (r.member_num !== undefined)
    parts.push(r.type === "AVChatRoom" ? `count ${r.member_num} as reported` : `${r.member_num} members`);
  if (r.online !== undefined) parts.push(`${r.online} online`);
  if (r.owner) parts.push(`owner ${quoteId(r.owner)}`);
  if (r.mute_all) parts.push("all muted");
  if (r.last_msg_time) parts.push(`last message ${r.last_msg_time.slice(0, 10)}`);
  return parts.join(" · ") + extra;
}
