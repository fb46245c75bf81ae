// Member operations: pages of the member list (Offset or Community's Next cursor), named members, roles,
// and the member writes. The Community-vs-Offset paging rule and the member field map live here only.
import type { CallOptions } from "../api.js";
import { ADD_RESULTS } from "../apis/add-group-member.js";
import { MEMBER_PAGE_MAX } from "../apis/get-group-member-info.js";
import { SPECIFIED_MEMBERS_PER_CALL } from "../apis/get-specified-group-member-info.js";
import { CHAT_APIS } from "../apis/index.js";
import { isCommunityGroupId } from "../group-types.js";
import type { MemberProfile } from "../response-schemas.js";
import { Ops } from "./base.js";

export type MemberRole = "Owner" | "Admin" | "Member";
export const MEMBER_ROLES: readonly MemberRole[] = ["Owner", "Admin", "Member"];

/** Where a member page starts: an Offset, or Community's opaque Next cursor ("" = the first page). */
export type MemberCursor = { kind: "offset"; offset: number } | { kind: "next"; next: string };

/** Member profile fields a caller may ask for, by our name, with Tencent's. */
export const MEMBER_FIELD_WIRE = {
  role: "Role",
  join_time: "JoinTime",
  msg_seq: "MsgSeq",
  msg_flag: "MsgFlag",
  last_send_msg_time: "LastSendMsgTime",
  muted_until: "MuteUntil",
  name_card: "NameCard",
} as const;
export type MemberField = keyof typeof MEMBER_FIELD_WIRE;
export const MEMBER_FIELD_NAMES = Object.keys(MEMBER_FIELD_WIRE) as [MemberField, ...MemberField[]];

export interface MemberQuery {
  groupId: string;
  roles?: readonly string[];
  /** Only these profile fields (default: all). */
  fields?: readonly MemberField[];
  customKeys?: readonly string[];
}

export interface MemberPageResult {
  members: MemberProfile[];
  memberNum: number;
  /** Records that did not parse and were left out. */
  skipped: number;
  /** The next page's cursor; null at the end of the list. */
  next: MemberCursor | null;
}

/** Roles get_role_in_group answers: the three member roles, or NotMember. */
export type RoleInGroup = MemberRole | "NotMember";

export function firstMemberCursor(groupId: string): MemberCursor {
  return isCommunityGroupId(groupId) ? { kind: "next", next: "" } : { kind: "offset", offset: 0 };
}

/** The largest page the group's paging mode allows. */
export function maxMemberPage(groupId: string): number {
  return isCommunityGroupId(groupId) ? MEMBER_PAGE_MAX.next : MEMBER_PAGE_MAX.offset;
}

/**
 * With a role filter the docs do not say whether Tencent filters before paging (short pages mean the
 * end) or after (any page can be short, and Offset counts unfiltered positions). Right under both:
 * advance Offset by the page size and stop only when it reaches MemberNum (docs/drift.md).
 */
export function nextOffset(
  at: number,
  limit: number,
  page: { returned: number; memberNum: number },
  roleFiltered: boolean,
): number | null {
  const end = at + (roleFiltered ? limit : page.returned);
  return (!roleFiltered && page.returned < limit) || end >= page.memberNum ? null : end;
}

export class MemberOps extends Ops {
  async memberPage(
    q: MemberQuery & { at: MemberCursor; limit: number },
    opts?: CallOptions,
  ): Promise<MemberPageResult> {
    const roles = q.roles?.length ? [...new Set(q.roles)] : undefined;
    const page = await this.caller.call(
      CHAT_APIS.getGroupMemberInfo,
      {
        GroupId: q.groupId,
        Limit: q.limit,
        ...(q.at.kind === "offset" ? { Offset: q.at.offset } : { Next: q.at.next }),
        ...(roles ? { MemberRoleFilter: roles } : {}),
        ...(q.fields ? { MemberInfoFilter: q.fields.map((f) => MEMBER_FIELD_WIRE[f]) } : {}),
        ...(q.customKeys ? { AppDefinedDataFilter_GroupMember: [...q.customKeys] } : {}),
      },
      opts,
    );
    const { members, skipped } = page.MemberList;
    let next: MemberCursor | null;
    if (q.at.kind === "next") next = page.Next ? { kind: "next", next: page.Next } : null;
    else {
      const off = nextOffset(
        q.at.offset,
        q.limit,
        { returned: members.length + skipped, memberNum: page.MemberNum },
        !!roles,
      );
      next = off === null ? null : { kind: "offset", offset: off };
    }
    return { members, memberNum: page.MemberNum, skipped, next };
  }

  /** Named members' profiles, 50 accounts a request; accounts missing from the answers are not members. */
  async namedMembers(
    q: MemberQuery & { accounts: readonly string[] },
    opts?: CallOptions,
  ): Promise<{ members: MemberProfile[]; skipped: number }> {
    const members: MemberProfile[] = [];
    let skipped = 0;
    for (let i = 0; i < q.accounts.length; i += SPECIFIED_MEMBERS_PER_CALL) {
      const page = await this.caller.call(
        CHAT_APIS.getSpecifiedGroupMemberInfo,
        {
          GroupId: q.groupId,
          Member_List_Account: q.accounts.slice(i, i + SPECIFIED_MEMBERS_PER_CALL),
          ...(q.fields ? { MemberInfoFilter: q.fields.map((f) => MEMBER_FIELD_WIRE[f]) } : {}),
          ...(q.customKeys ? { AppDefinedDataFilter_GroupMember: [...q.customKeys] } : {}),
        },
        opts,
      );
      members.push(...page.MemberList.members);
      skipped += page.MemberList.skipped;
    }
    return { members, skipped };
  }

  /** The role of each account (at most 500) in a group; accounts Tencent leaves out count as NotMember. */
  async roles(
    groupId: string,
    accounts: readonly string[],
    opts?: CallOptions,
  ): Promise<{ account: string; role: RoleInGroup | (string & {}) }[]> {
    const res = await this.caller.call(
      CHAT_APIS.getRoleInGroup,
      { GroupId: groupId, User_Account: [...accounts] },
      opts,
    );
    const byAccount = new Map(res.UserIdList.map((u) => [u.Member_Account, u.Role]));
    return accounts.map((account) => ({ account, role: byAccount.get(account) ?? "NotMember" }));
  }

  /** Changes one member's role, name card, mute (seconds, 0 lifts) or custom fields, in one request. */
  async updateMember(
    groupId: string,
    account: string,
    change: { role?: "Admin" | "Member"; nameCard?: string; muteSeconds?: number; custom?: Record<string, string> },
    opts?: CallOptions,
  ): Promise<void> {
    const base = {
      GroupId: groupId,
      Member_Account: account,
      ...(change.role ? { Role: change.role } : {}),
      ...(change.nameCard !== undefined ? { NameCard: change.nameCard } : {}),
      ...(change.custom
        ? { AppMemberDefinedData: Object.entries(change.custom).map(([Key, Value]) => ({ Key, Value })) }
        : {}),
    };
    if (change.muteSeconds === undefined) await this.caller.call(CHAT_APIS.modifyGroupMemberInfo, base, opts);
    else await this.withMuteDuration(CHAT_APIS.modifyGroupMemberInfo, base, change.muteSeconds, opts);
  }

  async remove(
    groupId: string,
    accounts: readonly string[],
    o: { reason?: string; silent?: boolean },
    opts?: CallOptions,
  ): Promise<void> {
    await this.caller.call(
      CHAT_APIS.deleteGroupMember,
      {
        GroupId: groupId,
        MemberToDel_Account: [...accounts],
        ...(o.silent ? { Silence: 1 } : {}),
        ...(o.reason ? { Reason: o.reason } : {}),
      },
      opts,
    );
  }

  /** Adds accounts (one request, at most 300): each account's result, as add_group_member reports it. */
  async add(
    groupId: string,
    accounts: readonly string[],
    silent: boolean,
    opts?: CallOptions,
  ): Promise<{ account: string; result: (typeof ADD_RESULTS)[keyof typeof ADD_RESULTS] }[]> {
    const res = await this.caller.call(
      CHAT_APIS.addGroupMember,
      {
        GroupId: groupId,
        MemberList: accounts.map((Member_Account) => ({ Member_Account })),
        ...(silent ? { Silence: 1 as const } : {}),
      },
      opts,
    );
    const byAccount = new Map(res.MemberList.map((m) => [m.Member_Account, m.Result]));
    // An account the answer leaves out was not reported added: counted as failed.
    return accounts.map((account) => ({
      account,
      result: ADD_RESULTS[(byAccount.get(account) ?? 0) as keyof typeof ADD_RESULTS] ?? "failed",
    }));
  }

  /** Makes a member the group's owner (the old owner stays a member). */
  async changeOwner(groupId: string, newOwner: string, opts?: CallOptions): Promise<void> {
    await this.caller.call(CHAT_APIS.changeGroupOwner, { GroupId: groupId, NewOwner_Account: newOwner }, opts);
  }
}
