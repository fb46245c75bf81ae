// Every Chat REST API this server calls. Adding one: its descriptor file, one line here, its emulator
// handler, and its tool.
import type { ApiInfo } from "./define.js";
import { getAppidGroupList } from "./get-appid-group-list.js";
import { getGroupInfo } from "./get-group-info.js";
import { getGroupMemberInfo } from "./get-group-member-info.js";
import { getGroupOnlineMemberNum } from "./get-group-online-member-num.js";
import { getJoinedGroupList } from "./get-joined-group-list.js";
import { getMembers } from "./get-members.js";
import { getOnlineMemberNum } from "./get-online-member-num.js";
import { getRoleInGroup } from "./get-role-in-group.js";
import { modifyUserInfo } from "./modify-user-info.js";

export const CHAT_APIS = {
  getGroupInfo,
  getGroupMemberInfo,
  getMembers,
  getOnlineMemberNum,
  getGroupOnlineMemberNum,
  modifyUserInfo,
  getAppidGroupList,
  getJoinedGroupList,
  getRoleInGroup,
} as const;

type Apis = typeof CHAT_APIS;
export type ApiName = Apis[keyof Apis]["name"];

const ALL: readonly ApiInfo[] = Object.values(CHAT_APIS);

export const API_NAMES = ALL.map((a) => a.name) as readonly ApiName[];

export function apiNamed(name: string): ApiInfo | undefined {
  return ALL.find((a) => a.name === name);
}

export function isApiName(name: string): name is ApiName {
  return apiNamed(name) !== undefined;
}

export type { ApiInfo, ChatApi, RequestOf, ResponseOf } from "./define.js";
