// Live-audience operations: online lists and counts, member marks.
import type { CallOptions } from "../api.js";
import { CHAT_APIS } from "../apis/index.js";
import { LIMITS } from "../limits.js";
import { Ops } from "./base.js";

export interface OnlinePageResult {
  members: { Member_Account: string; JoinTime?: number; NickName?: string; Avatar?: string }[];
  /** The next page's timestamp; 0 at the end. */
  nextTimestamp: number;
}

/** The group types with an online count API (one each), and how often each count refreshes. */
export const ONLINE_COUNT_REFRESH_SECONDS = {
  Community: LIMITS.communityOnlineRefreshSeconds,
  AVChatRoom: LIMITS.liveOnlineRefreshSeconds,
} as const;
export type OnlineCountType = keyof typeof ONLINE_COUNT_REFRESH_SECONDS;
export function hasOnlineCount(type: string): type is OnlineCountType {
  return type in ONLINE_COUNT_REFRESH_SECONDS;
}

export class LiveOps extends Ops {
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

  /** A live group's admins (at most 5). */
  async liveAdmins(groupId: string, opts?: CallOptions): Promise<{ account: string; nickname?: string }[]> {
    const res = await this.caller.call(CHAT_APIS.getAdminList, { GroupId: groupId }, opts);
    return res.Admin_List.map((a) => ({ account: a.Admin_Account, ...(a.NickName ? { nickname: a.NickName } : {}) }));
  }

  async setLiveAdmins(
    groupId: string,
    action: "add" | "remove",
    accounts: readonly string[],
    opts?: CallOptions,
  ): Promise<void> {
    await this.caller.call(
      CHAT_APIS.modifyAdmin,
      { GroupId: groupId, CommandType: action === "add" ? 1 : 2, Admin_Account: [...accounts] },
      opts,
    );
  }

  /** Which of these accounts (at most 100) are in a live group, beyond its 1,000-member online list. */
  async liveMembersAmong(groupId: string, accounts: readonly string[], opts?: CallOptions): Promise<Set<string>> {
    const res = await this.caller.call(
      CHAT_APIS.checkLiveMembers,
      { GroupId: groupId, Member_Account: [...accounts] },
      opts,
    );
    return new Set(res.Member_Account);
  }
}
