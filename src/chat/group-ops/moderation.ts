// Moderation operations: mutes (per group and app-wide), bans.
import type { CallOptions } from "../api.js";
import { CHAT_APIS } from "../apis/index.js";
import { type GroupRef, Ops, target } from "./base.js";

export class ModerationOps extends Ops {
  /** Muted accounts with the Unix second their mute ends. */
  async mutedMembers(where: GroupRef, opts?: CallOptions): Promise<{ account: string; until: number }[]> {
    return (await this.caller.call(CHAT_APIS.getGroupMutedAccount, target(where), opts)).muted;
  }

  /** Mutes accounts for `seconds` (0 lifts the mute); the duration's field name as in withMuteDuration. */
  async mute(where: GroupRef, accounts: readonly string[], seconds: number, opts?: CallOptions): Promise<void> {
    await this.withMuteDuration(
      CHAT_APIS.forbidSendMsg,
      { ...target(where), Members_Account: [...accounts] },
      seconds,
      opts,
    );
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
}
