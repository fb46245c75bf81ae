import { z } from "zod";
import type { GroupInfo } from "../../chat/response-schemas.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds } from "../../core/time.js";

export const GroupErrorOut = z.object({
  group_id: z.string(),
  code: z.number(),
  meaning: z.string(),
  next_step: z.string(),
  retryable: z.boolean().optional(),
});

/** One compact row per group (list_groups, get_user_groups): what an agent asks about a group first. */
export const GroupRowOut = z.object({
  group_id: z.string(),
  type: z.string(),
  name: z.string(),
  member_num: z.number().optional(),
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
  if (r.member_num !== undefined) parts.push(`${r.member_num} members`);
  if (r.owner) parts.push(`owner ${r.owner}`);
  if (r.mute_all) parts.push("all muted");
  if (r.last_msg_time) parts.push(`last message ${r.last_msg_time.slice(0, 10)}`);
  return parts.join(" · ") + extra;
}
