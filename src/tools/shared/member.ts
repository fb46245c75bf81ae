// Members in snake_case with ISO times (one form per time: agents read ISO; raw seconds only cost tokens)
// and sanitised member-written text.
import { z } from "zod";
import type { OnlinePageResult } from "../../chat/groups.js";
import type { MemberProfile } from "../../chat/response-schemas.js";

type OnlineMember = OnlinePageResult["members"][number];

import { sanitizeKeyValues, sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds } from "../../core/time.js";
import { StringOrNull } from "./nullable.js";
import { quoteId } from "./quote.js";

const PERMANENT_MUTE = 4294967295;

/** App-defined custom data, key → value (member- or app-written text). */
export const CustomDataOut = z.record(z.string(), z.string());

export const MemberOut = z.object({
  account: z.string(),
  role: z.string().optional(),
  name_card: z.string().optional(),
  join_time: StringOrNull.optional(),
  last_send_msg_time: StringOrNull.optional(),
  muted: z.boolean().optional(),
  muted_until: StringOrNull.optional(),
  msg_flag: z.string().optional(),
  msg_seq: z.number().optional(),
  custom_data: CustomDataOut.optional(),
});
export type MemberOutput = z.infer<typeof MemberOut>;

/** A member's own facts, as the profile and search tools show them (message flags and read sequences are get_group_member_info's). */
export const MemberProfileOut = MemberOut.omit({ msg_flag: true, msg_seq: true });
export type MemberProfileOutput = z.infer<typeof MemberProfileOut>;

/** A member without its message flag and read sequence. */
export function profileOf(m: MemberOutput): MemberProfileOutput {
  const { msg_flag: _flag, msg_seq: _seq, ...profile } = m;
  return profile;
}

export const MEMBER_FIELDS = [
  "role",
  "name_card",
  "join_time",
  "last_send_msg_time",
  "muted",
  "muted_until",
  "msg_flag",
  "msg_seq",
  "custom_data",
] as const;

/** The member with only the fields asked for (account always); all of them when none are named. */
export function pickFields(m: MemberOutput, fields?: readonly (typeof MEMBER_FIELDS)[number][]): MemberOutput {
  if (!fields) return m;
  const out: MemberOutput = { account: m.account };
  for (const f of fields) if (m[f] !== undefined) Object.assign(out, { [f]: m[f] });
  return out;
}

export function memberToOutput(m: MemberProfile, nowS: number): MemberOutput {
  const out: MemberOutput = { account: sanitizeText(m.Member_Account, 64) };
  if (m.Role !== undefined) out.role = m.Role;
  if (m.NameCard !== undefined) out.name_card = sanitizeText(m.NameCard, 100);
  if (m.JoinTime !== undefined) out.join_time = isoFromSeconds(m.JoinTime);
  if (m.LastSendMsgTime !== undefined) out.last_send_msg_time = isoFromSeconds(m.LastSendMsgTime);
  if (m.MuteUntil !== undefined) {
    out.muted = m.MuteUntil > nowS;
    // 4294967295 is "muted forever" (forbid_send_msg), not a date in 2106.
    out.muted_until = out.muted ? (m.MuteUntil >= PERMANENT_MUTE ? "permanent" : isoFromSeconds(m.MuteUntil)) : null;
  }
  if (m.MsgFlag !== undefined) out.msg_flag = sanitizeText(m.MsgFlag, 40);
  if (m.MsgSeq !== undefined) out.msg_seq = m.MsgSeq;
  if (m.AppMemberDefinedData) out.custom_data = sanitizeKeyValues(m.AppMemberDefinedData);
  return out;
}

export const OnlineMemberOut = z.object({
  account: z.string(),
  nick_name: z.string().optional(),
  avatar: z.string().optional(),
  join_time: StringOrNull.optional(),
});
export type OnlineMemberOutput = z.infer<typeof OnlineMemberOut>;

export function onlineMemberToOutput(m: OnlineMember): OnlineMemberOutput {
  const out: OnlineMemberOutput = { account: sanitizeText(m.Member_Account, 64) };
  if (m.NickName !== undefined) out.nick_name = sanitizeText(m.NickName, 100);
  if (m.Avatar !== undefined) out.avatar = sanitizeText(m.Avatar, 300);
  if (m.JoinTime !== undefined) out.join_time = isoFromSeconds(m.JoinTime);
  return out;
}

/** One line per online member: account, nickname and avatar (member-written, quoted), join time. */
export function onlineMemberLine(m: OnlineMemberOutput): string {
  const parts = [quoteId(m.account)];
  if (m.nick_name) parts.push(`nickname ${JSON.stringify(m.nick_name)}`);
  if (m.avatar) parts.push(`avatar ${JSON.stringify(m.avatar)}`);
  if (m.join_time !== undefined) parts.push(`joined ${m.join_time ?? "unknown"}`);
  return parts.join(" · ");
}

/** One line per member with every field the result holds (hosts that show only the text lose none). */
export function memberLine(m: MemberOutput): string {
  const parts = [quoteId(m.account)];
  if (m.role) parts.push(m.role);
  // Member-written text is quoted as data (JSON escaping), never as prose.
  if (m.name_card) parts.push(`name card ${JSON.stringify(m.name_card)}`);
  if (m.join_time !== undefined) parts.push(`joined ${m.join_time ?? "unknown"}`);
  if (m.last_send_msg_time !== undefined)
    parts.push(m.last_send_msg_time === null ? "never spoke" : `last message ${m.last_send_msg_time}`);
  // Asked for alone, muted_until still says it: a mute end is set only while the member is muted.
  if (m.muted_until !== undefined || m.muted !== undefined) {
    const muted = m.muted ?? (m.muted_until !== undefined && m.muted_until !== null);
    parts.push(muted ? `muted${m.muted_until ? ` until ${m.muted_until}` : ""}` : "not muted");
  }
  if (m.msg_flag !== undefined) parts.push(`msg_flag ${m.msg_flag}`);
  if (m.msg_seq !== undefined) parts.push(`msg_seq ${m.msg_seq}`);
  if (m.custom_data && Object.keys(m.custom_data).length > 0) parts.push(`custom ${JSON.stringify(m.custom_data)}`);
  return parts.join(" · ");
}

/** One line per member; the callers' page and result limits (at most 200) are the only cap. */
export function renderMemberLines(members: readonly MemberOutput[]): string {
  return members.map(memberLine).join("\n");
}
