// Member profile projection shared by get_group_member_info and get_group_info.
import type { EmuMember } from "../model.js";

const BASE_FIELDS = ["Role", "JoinTime", "MsgSeq", "MsgFlag", "LastSendMsgTime", "MuteUntil", "NameCard"] as const;

export interface MemberProjection {
  /** Fields to include; undefined = all. Member_Account is always included. */
  fields?: ReadonlySet<string>;
  /** Custom member keys to include; undefined = none. */
  customKeys?: ReadonlySet<string>;
  /** Include every custom key (get_group_info without a filter, per the get_group_info page's example). */
  allCustom?: boolean;
  /** The doc variant's name for the mute end: MuteUntil (current pages) or ShutUpUntil (older English page). */
  muteField?: "MuteUntil" | "ShutUpUntil";
}

export function projectMember(m: EmuMember, p: MemberProjection): Record<string, unknown> {
  const out: Record<string, unknown> = { Member_Account: m.Member_Account };
  const muteField = p.muteField ?? "MuteUntil";
  for (const f of BASE_FIELDS) {
    if (f === "MuteUntil") {
      if (!p.fields || p.fields.has(muteField)) out[muteField] = m.MuteUntil;
    } else if (!p.fields || p.fields.has(f)) out[f] = m[f];
  }
  const custom = p.allCustom
    ? m.AppMemberDefinedData
    : m.AppMemberDefinedData.filter((kv) => p.customKeys?.has(kv.Key));
  if (custom.length > 0) out.AppMemberDefinedData = custom;
  return out;
}
