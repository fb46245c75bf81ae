// Group-level operations: profiles, the app's group IDs, an account's groups, and the group writes.
import type { CallOptions } from "../api.js";
import type { LISTABLE_GROUP_TYPES } from "../apis/get-appid-group-list.js";
import { CHAT_APIS } from "../apis/index.js";
import type { GroupType } from "../group-types.js";
import type { GroupInfo } from "../response-schemas.js";
import { Ops } from "./base.js";
import { MEMBER_FIELD_WIRE, type MemberField } from "./members.js";

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

export interface JoinedGroup extends GroupInfo {
  /** The account's own role, join time, message flag and unread count in the group. */
  SelfInfo?: { Role?: string; JoinTime?: number; MsgFlag?: string; UnreadMsgNum?: number };
}

/** A group's editable profile, in our terms (byte limits are the descriptor's). */
export interface GroupProfileChange {
  name?: string;
  introduction?: string;
  notification?: string;
  faceUrl?: string;
  maxMembers?: number;
  joinOption?: "FreeAccess" | "NeedPermission" | "DisableApply";
  custom?: Record<string, string>;
}

export interface NewGroup extends Omit<GroupProfileChange, "maxMembers" | "custom"> {
  type: GroupType;
  name: string;
  owner?: string;
  groupId?: string;
  members?: readonly string[];
}

function profileFields(c: GroupProfileChange) {
  return {
    ...(c.name !== undefined ? { Name: c.name } : {}),
    ...(c.introduction !== undefined ? { Introduction: c.introduction } : {}),
    ...(c.notification !== undefined ? { Notification: c.notification } : {}),
    ...(c.faceUrl !== undefined ? { FaceUrl: c.faceUrl } : {}),
    ...(c.joinOption !== undefined ? { ApplyJoinOption: c.joinOption } : {}),
    ...(c.custom ? { AppDefinedData: Object.entries(c.custom).map(([Key, Value]) => ({ Key, Value })) } : {}),
  };
}

export class GroupOps extends Ops {
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

  async setMuteAll(groupId: string, muted: boolean, opts?: CallOptions): Promise<void> {
    await this.caller.call(
      CHAT_APIS.modifyGroupBaseInfo,
      { GroupId: groupId, MuteAllMember: muted ? "On" : "Off" },
      opts,
    );
  }

  async updateProfile(groupId: string, change: GroupProfileChange, opts?: CallOptions): Promise<void> {
    await this.caller.call(
      CHAT_APIS.modifyGroupBaseInfo,
      {
        GroupId: groupId,
        ...profileFields(change),
        ...(change.maxMembers !== undefined ? { MaxMemberNum: change.maxMembers } : {}),
      },
      opts,
    );
  }

  /** Creates a group; its ID (the custom one, or the one Tencent assigns). */
  async create(g: NewGroup, opts?: CallOptions): Promise<string> {
    const res = await this.caller.call(
      CHAT_APIS.createGroup,
      {
        Type: g.type,
        Name: g.name,
        ...profileFields({ ...g, name: undefined }),
        ...(g.owner ? { Owner_Account: g.owner } : {}),
        ...(g.groupId ? { GroupId: g.groupId } : {}),
        ...(g.members?.length ? { MemberList: g.members.map((Member_Account) => ({ Member_Account })) } : {}),
      },
      opts,
    );
    return res.GroupId;
  }

  async dismiss(groupId: string, opts?: CallOptions): Promise<void> {
    await this.caller.call(CHAT_APIS.destroyGroup, { GroupId: groupId }, opts);
  }
}
