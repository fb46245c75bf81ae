// Wire shapes of the five APIs (PascalCase, as Tencent sends them), after the client's lenient
// validation: unknown fields pass through, "Member " is normalised to "Member".
import type { GroupType } from "./group-types.js";

export type MemberRole = "Owner" | "Admin" | "Member";
export const MEMBER_ROLES: readonly MemberRole[] = ["Owner", "Admin", "Member"];

export const MEMBER_INFO_FIELDS = [
  "Role",
  "JoinTime",
  "MsgSeq",
  "MsgFlag",
  "LastSendMsgTime",
  "MuteUntil",
  "NameCard",
] as const;
export type MemberInfoField = (typeof MEMBER_INFO_FIELDS)[number];

export const GROUP_BASE_INFO_FIELDS = [
  "Type",
  "Name",
  "Introduction",
  "Notification",
  "FaceUrl",
  "Owner_Account",
  "CreateTime",
  "LastInfoTime",
  "LastMsgTime",
  "NextMsgSeq",
  "MemberNum",
  "MaxMemberNum",
  "ApplyJoinOption",
  "MuteAllMember",
] as const;
export type GroupBaseInfoField = (typeof GROUP_BASE_INFO_FIELDS)[number];

export interface KeyValue {
  Key: string;
  Value: string;
}

export interface MemberProfile {
  Member_Account: string;
  /** Owner, Admin or Member; a role Tencent adds later is kept as sent. */
  Role?: MemberRole | (string & {});
  JoinTime?: number;
  MsgSeq?: number;
  MsgFlag?: string;
  LastSendMsgTime?: number;
  MuteUntil?: number;
  NameCard?: string;
  AppMemberDefinedData?: KeyValue[];
  [extra: string]: unknown;
}

export interface GroupInfo {
  GroupId: string;
  Type?: GroupType | string;
  Name?: string;
  Appid?: number;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  Owner_Account?: string;
  CreateTime?: number;
  LastInfoTime?: number;
  LastMsgTime?: number;
  NextMsgSeq?: number;
  MemberNum?: number;
  MaxMemberNum?: number;
  ApplyJoinOption?: string;
  MuteAllMember?: string;
  AppDefinedData?: KeyValue[];
  MemberList?: MemberProfile[];
  [extra: string]: unknown;
}

// ---- requests ----
export interface GetGroupInfoRequest {
  GroupIdList: string[];
  ResponseFilter?: {
    GroupBaseInfoFilter?: string[];
    MemberInfoFilter?: string[];
    AppDefinedDataFilter_Group?: string[];
    AppDefinedDataFilter_GroupMember?: string[];
  };
}

export interface GetGroupMemberInfoRequest {
  GroupId: string;
  MemberInfoFilter?: string[];
  MemberRoleFilter?: MemberRole[];
  AppDefinedDataFilter_GroupMember?: string[];
  Limit?: number;
  Offset?: number;
  /** Community only: "" on the first call, then the returned Next. Opaque string. */
  Next?: string;
}

export interface GetOnlineMembersRequest {
  GroupId: string;
  Timestamp: number;
  Mark?: number;
}

export interface GroupIdRequest {
  GroupId: string;
}

export interface ModifyUserInfoRequest {
  GroupId: string;
  /** 1 = set marks, 2 = delete marks. */
  CommandType: 1 | 2;
  MemberList: { Member_Account: string; Marks: number[] }[];
}

// ---- results ----
export interface GroupInfoError {
  GroupId: string;
  ErrorCode: number;
  ErrorInfo: string;
}

/** get_group_info is partly successful by design: found groups and per-group errors side by side. */
export interface GetGroupInfoResult {
  groups: GroupInfo[];
  errors: GroupInfoError[];
}

export interface GetGroupMemberInfoResult {
  MemberNum: number;
  MemberList: MemberProfile[];
  /** Member records left out because they did not parse (one odd record never loses the page). */
  SkippedMembers?: number;
  /** Present only for Community groups; "" means the scan is complete. */
  Next?: string;
}

export interface OnlineMember {
  Member_Account: string;
  JoinTime?: number;
  NickName?: string;
  Avatar?: string;
  [extra: string]: unknown;
}

export interface GetOnlineMembersResult {
  MemberList: OnlineMember[];
  /** 0 = complete; otherwise pass as Timestamp for the next page. */
  NextTimestamp: number;
}

export interface GetOnlineMemberNumResult {
  OnlineMemberNum: number;
}

export interface ModifyUserInfoResult {
  CommandType: 1 | 2;
  /** Only the accounts whose marks were applied; offline accounts are silently left out (seed-4). */
  MemberList: { Member_Account: string; Marks: number[] }[];
  /** Added by our client, not Tencent: HTTP attempts the call took (1 = no retry). */
  attempts?: number;
}
