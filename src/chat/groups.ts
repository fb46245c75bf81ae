// The group operations tools and aggregates speak: domain terms in, domain terms out. The PascalCase
// wire requests, the field-name map, CommandType 1/2, the Community-vs-Offset paging rule and the
// choice between the two online-count APIs live here and nowhere else.
import type { CallOptions, ChatCaller } from "./api.js";
import type { LISTABLE_GROUP_TYPES } from "./apis/get-appid-group-list.js";
import { MEMBER_PAGE_MAX } from "./apis/get-group-member-info.js";
import { SPECIFIED_MEMBERS_PER_CALL } from "./apis/get-specified-group-member-info.js";
import type { GroupMessage } from "./apis/group-msg-get-simple.js";
import { CHAT_APIS } from "./apis/index.js";
import { ChatApiError } from "./errors.js";
import { isCommunityGroupId } from "./group-types.js";
import { LIMITS } from "./limits.js";
import type { GroupInfo, MemberProfile } from "./response-schemas.js";

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

export interface OnlinePageResult {
  members: { Member_Account: string; JoinTime?: number; NickName?: string; Avatar?: string }[];
  /** The next page's timestamp; 0 at the end. */
  nextTimestamp: number;
}

export interface GroupProfilesQuery {
  /** Base fields (Tencent's names, e.g. "Type", "MemberNum"); default all. */
  baseFields?: readonly string[];
  /** Include the member list with these member fields. */
  memberFields?: readonly MemberField[];
  groupCustomKeys?: readonly string[];
  memberCustomKeys?: readonly string[];
}

export interface GroupProfiles {
  groups: GroupInfo[];
  errors: { GroupId: string; ErrorCode: number; ErrorInfo: string }[];
}

export type ListableGroupType = (typeof LISTABLE_GROUP_TYPES)[number];

/** Roles get_role_in_group answers: the three member roles, or NotMember. */
export type RoleInGroup = MemberRole | "NotMember";

export interface JoinedGroup extends GroupInfo {
  /** The account's own role, join time, message flag and unread count in the group. */
  SelfInfo?: { Role?: string; JoinTime?: number; MsgFlag?: string; UnreadMsgNum?: number };
}

/** Where a fresh member listing starts: Community groups page by cursor, others by Offset. */
/** The group types with an online count API (one each), and how often each count refreshes. */
export const ONLINE_COUNT_REFRESH_SECONDS = {
  Community: LIMITS.communityOnlineRefreshSeconds,
  AVChatRoom: LIMITS.liveOnlineRefreshSeconds,
} as const;
export type OnlineCountType = keyof typeof ONLINE_COUNT_REFRESH_SECONDS;
export function hasOnlineCount(type: string): type is OnlineCountType {
  return type in ONLINE_COUNT_REFRESH_SECONDS;
}

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

export class ChatGroups {
  constructor(readonly caller: ChatCaller) {}

  async profiles(groupIds: readonly string[], q: GroupProfilesQuery = {}, opts?: CallOptions): Promise<GroupProfiles> {
    const filter = {
      ...(q.baseFields ? { GroupBaseInfoFilter: [...q.baseFields] } : {}),
      ...(q.memberFields ? { MemberInfoFilter: ["Account", ...q.memberFields.map((f) => MEMBER_FIELD_WIRE[f])] } : {}),
      ...(q.groupCustomKeys ? { AppDefinedDataFilter_Group: [...q.groupCustomKeys] } : {}),
      ...(q.memberCustomKeys ? { AppDefinedDataFilter_GroupMember: [...q.memberCustomKeys] } : {}),
    };
    return this.caller.call(
      CHAT_APIS.getGroupInfo,
      { GroupIdList: [...groupIds], ...(Object.keys(filter).length ? { ResponseFilter: filter } : {}) },
      opts,
    );
  }

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

  async onlinePage(
    q: { groupId: string; timestamp: number; mark?: number },
    opts?: CallOptions,
  ): Promise<OnlinePageResult> {
    const page = await this.caller.call(
      CHAT_APIS.getMembers,
      { GroupId: q.groupId, Timestamp: q.timestamp, ...(q.mark !== undefined ? { Mark: q.mark } : {}) },
      opts,
    );
    return { members: page.MemberList, nextTimestamp: page.NextTimestamp };
  }

  /** Online count: Community through the million-group API (4-minute refresh), live groups through their own. */
  /** The online count of a Community (its own API, refreshed every 4 minutes) or a live group (every 10 s). */
  async onlineCount(groupId: string, type: OnlineCountType, opts?: CallOptions): Promise<number> {
    const api = type === "AVChatRoom" ? CHAT_APIS.getGroupOnlineMemberNum : CHAT_APIS.getOnlineMemberNum;
    return (await this.caller.call(api, { GroupId: groupId }, opts)).OnlineMemberNum;
  }

  /** Sets or deletes AVChatRoom marks; returns the accounts they were applied to (offline ones are left out). */
  async changeMarks(
    groupId: string,
    action: "set" | "delete",
    members: readonly { account: string; marks: readonly number[] }[],
    opts?: CallOptions,
  ): Promise<{ applied: { account: string; marks: number[] }[]; attempts: number }> {
    let attempts = 0;
    const res = await this.caller.call(
      CHAT_APIS.modifyUserInfo,
      {
        GroupId: groupId,
        CommandType: action === "set" ? 1 : 2,
        // Duplicate marks in one list ([1000, 1000]) are sent once.
        MemberList: members.map((m) => ({ Member_Account: m.account, Marks: [...new Set(m.marks)] })),
      },
      {
        ...opts,
        onAttempt: (n) => {
          attempts = n;
          opts?.onAttempt?.(n);
        },
      },
    );
    return { applied: res.MemberList.map((m) => ({ account: m.Member_Account, marks: m.Marks })), attempts };
  }

  /** One page of the app's group IDs. `cursor` is "0" first; `next` is null when the list is complete. */
  async groupIdPage(
    q: { cursor: string; limit: number; type?: ListableGroupType },
    opts?: CallOptions,
  ): Promise<{ ids: string[]; total: number; next: string | null }> {
    const page = await this.caller.call(
      CHAT_APIS.getAppidGroupList,
      { Limit: q.limit, Next: q.cursor, ...(q.type ? { GroupType: q.type } : {}) },
      opts,
    );
    return {
      ids: page.GroupIdList.map((g) => g.GroupId),
      total: page.TotalCount,
      next: page.Next === "0" || page.Next === q.cursor ? null : page.Next,
    };
  }

  /** One page of the groups an account belongs to, with its own role and join time in each. */
  async joinedGroups(
    q: {
      account: string;
      offset: number;
      limit: number;
      type?: ListableGroupType;
      includeLive: boolean;
      includeInactive?: boolean;
      baseFields?: readonly string[];
    },
    opts?: CallOptions,
  ): Promise<{ groups: JoinedGroup[]; total: number }> {
    const page = await this.caller.call(
      CHAT_APIS.getJoinedGroupList,
      {
        Member_Account: q.account,
        Limit: q.limit,
        Offset: q.offset,
        ...(q.type ? { GroupType: q.type } : {}),
        WithHugeGroups: q.includeLive ? 1 : 0,
        WithNoActiveGroups: q.includeInactive ? 1 : 0,
        ResponseFilter: {
          ...(q.baseFields ? { GroupBaseInfoFilter: [...q.baseFields] } : {}),
          SelfInfoFilter: ["Role", "JoinTime", "MsgFlag", "UnreadMsgNum"],
        },
      },
      opts,
    );
    return { groups: page.GroupIdList as JoinedGroup[], total: page.TotalCount };
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

  /** Up to 20 messages with a sequence up to `beforeSeq` (default: the latest), newest first. */
  async messagesPage(
    q: { groupId: string; count: number; upToSeq?: number; withRecalled: boolean },
    opts?: CallOptions,
  ): Promise<{ messages: GroupMessage[]; finished: boolean }> {
    const page = await this.caller.call(
      CHAT_APIS.groupMsgGetSimple,
      {
        GroupId: q.groupId,
        ReqMsgNumber: q.count,
        ...(q.upToSeq !== undefined ? { ReqMsgSeq: q.upToSeq } : {}),
        WithRecalledMsg: q.withRecalled ? 1 : 0,
      },
      opts,
    );
    const messages = [...page.RspMsgList].sort((a, b) => b.MsgSeq - a.MsgSeq);
    return { messages, finished: page.IsFinished === 1 || messages.length === 0 };
  }

  /** Muted accounts with the Unix second their mute ends. */
  async mutedMembers(groupId: string, opts?: CallOptions): Promise<{ account: string; until: number }[]> {
    return (await this.caller.call(CHAT_APIS.getGroupMutedAccount, { GroupId: groupId }, opts)).muted;
  }

  /** One page of a live group's banned accounts; `nextOffset` is null at the end. */
  async bannedPage(
    q: { groupId: string; offset: number; limit: number },
    opts?: CallOptions,
  ): Promise<{ banned: { account: string; until: number }[]; nextOffset: number | null }> {
    const page = await this.caller.call(
      CHAT_APIS.getGroupBanMember,
      { GroupId: q.groupId, Limit: q.limit, Offset: q.offset },
      opts,
    );
    return {
      banned: page.BannedAccountList.map((b) => ({ account: b.Member_Account, until: b.BannedUntil ?? 0 })),
      nextOffset: page.NextOffset === 0 || page.NextOffset === q.offset ? null : page.NextOffset,
    };
  }

  /**
   * Mutes accounts for `seconds` (0 lifts the mute). The duration is MuteTime on the current pages and
   * ShutUpTime on older ones (docs/drift.md): a 10004 for MuteTime is tried once more under the older name.
   */
  async mute(groupId: string, accounts: readonly string[], seconds: number, opts?: CallOptions): Promise<void> {
    const base = { GroupId: groupId, Members_Account: [...accounts] };
    try {
      await this.caller.call(CHAT_APIS.forbidSendMsg, { ...base, MuteTime: seconds }, opts);
    } catch (err) {
      if (!(err instanceof ChatApiError) || err.code !== 10004) throw err;
      try {
        await this.caller.call(CHAT_APIS.forbidSendMsg, { ...base, ShutUpTime: seconds }, opts);
      } catch {
        throw err;
      }
    }
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
    if (change.muteSeconds === undefined) {
      await this.caller.call(CHAT_APIS.modifyGroupMemberInfo, base, opts);
      return;
    }
    // The duration's name differs between copies of the docs (MuteTime / ShutUpTime): the current one first.
    try {
      await this.caller.call(CHAT_APIS.modifyGroupMemberInfo, { ...base, MuteTime: change.muteSeconds }, opts);
    } catch (err) {
      if (!(err instanceof ChatApiError) || err.code !== 10004) throw err;
      try {
        await this.caller.call(CHAT_APIS.modifyGroupMemberInfo, { ...base, ShutUpTime: change.muteSeconds }, opts);
      } catch {
        throw err;
      }
    }
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

  async ban(
    groupId: string,
    accounts: readonly string[],
    seconds: number,
    reason: string | undefined,
    opts?: CallOptions,
  ): Promise<void> {
    await this.caller.call(
      CHAT_APIS.banGroupMember,
      {
        GroupId: groupId,
        Members_Account: [...accounts],
        Duration: seconds,
        ...(reason ? { Description: reason } : {}),
      },
      opts,
    );
  }

  async unban(groupId: string, accounts: readonly string[], opts?: CallOptions): Promise<void> {
    await this.caller.call(CHAT_APIS.unbanGroupMember, { GroupId: groupId, Members_Account: [...accounts] }, opts);
  }

  /** Recalls messages; each sequence's result code (0 = recalled) when Tencent reports them. */
  async recall(
    groupId: string,
    seqs: readonly number[],
    reason: string | undefined,
    opts?: CallOptions,
  ): Promise<Map<number, number>> {
    const res = await this.caller.call(
      CHAT_APIS.groupMsgRecall,
      { GroupId: groupId, MsgSeqList: seqs.map((MsgSeq) => ({ MsgSeq })), ...(reason ? { Reason: reason } : {}) },
      opts,
    );
    return new Map((res.RecallRetList ?? []).map((r) => [r.MsgSeq, r.RetCode]));
  }

  async deleteMessagesOf(groupId: string, sender: string, opts?: CallOptions): Promise<void> {
    await this.caller.call(CHAT_APIS.deleteGroupMsgBySender, { GroupId: groupId, Sender_Account: sender }, opts);
  }

  /** An account's app-wide mute: seconds left for one-to-one and for group messages (0 none, 4294967295 forever). */
  async accountMute(account: string, opts?: CallOptions): Promise<{ direct: number; group: number }> {
    const r = await this.caller.call(CHAT_APIS.getNoSpeaking, { Get_Account: account }, opts);
    return { direct: r.C2CmsgNospeakingTime, group: r.GroupmsgNospeakingTime };
  }

  /** Sets either or both app-wide mutes of an account (0 lifts, 4294967295 forever). */
  async setAccountMute(
    account: string,
    seconds: { direct?: number; group?: number },
    opts?: CallOptions,
  ): Promise<void> {
    await this.caller.call(
      CHAT_APIS.setNoSpeaking,
      {
        Set_Account: account,
        ...(seconds.direct !== undefined ? { C2CmsgNospeakingTime: seconds.direct } : {}),
        ...(seconds.group !== undefined ? { GroupmsgNospeakingTime: seconds.group } : {}),
      },
      opts,
    );
  }

  async setMuteAll(groupId: string, muted: boolean, opts?: CallOptions): Promise<void> {
    await this.caller.call(
      CHAT_APIS.modifyGroupBaseInfo,
      { GroupId: groupId, MuteAllMember: muted ? "On" : "Off" },
      opts,
    );
  }
}
