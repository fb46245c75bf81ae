// Every Chat REST API this server calls. Adding one: its descriptor file, one line here, its emulator
// handler, and its tool.

import { addGroupMember } from "./add-group-member.js";
import { banGroupMember, unbanGroupMember } from "./ban-group-member.js";
import { changeGroupOwner } from "./change-group-owner.js";
import { createGroup } from "./create-group.js";
import type { ApiInfo } from "./define.js";
import { deleteGroupMember } from "./delete-group-member.js";
import { deleteGroupMsgBySender } from "./delete-group-msg-by-sender.js";
import { destroyGroup } from "./destroy-group.js";
import { forbidSendMsg } from "./forbid-send-msg.js";
import { getAppidGroupList } from "./get-appid-group-list.js";
import { getGroupBanMember } from "./get-group-ban-member.js";
import { getGroupInfo } from "./get-group-info.js";
import { getGroupMemberInfo } from "./get-group-member-info.js";
import { getGroupMutedAccount } from "./get-group-muted-account.js";
import { getGroupOnlineMemberNum } from "./get-group-online-member-num.js";
import { getJoinedGroupList } from "./get-joined-group-list.js";
import { getMembers } from "./get-members.js";
import { getOnlineMemberNum } from "./get-online-member-num.js";
import { getRoleInGroup } from "./get-role-in-group.js";
import { getSpecifiedGroupMemberInfo } from "./get-specified-group-member-info.js";
import {
  clearGroupAttr,
  clearGroupAttrAlt,
  getGroupAttr,
  modifyGroupAttr,
  modifyGroupAttrAlt,
  setGroupAttr,
  setGroupAttrAlt,
} from "./group-attr.js";
import { deleteGroupCounter, getGroupCounter, updateGroupCounter } from "./group-counter.js";
import { groupMsgGetSimple } from "./group-msg-get-simple.js";
import { groupMsgRecall } from "./group-msg-recall.js";
import { checkLiveMembers, getAdminList, modifyAdmin } from "./live-admins.js";
import { modifyGroupBaseInfo } from "./modify-group-base-info.js";
import { modifyGroupMemberInfo } from "./modify-group-member-info.js";
import { modifyUserInfo } from "./modify-user-info.js";
import { getNoSpeaking, setNoSpeaking } from "./nospeaking.js";
import { sendGroupMsg } from "./send-group-msg.js";
import { sendGroupSystemNotification } from "./send-group-system-notification.js";
import { createTopic, destroyTopic, getTopic, modifyTopic } from "./topics.js";

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
  groupMsgGetSimple,
  getGroupMutedAccount,
  getGroupBanMember,
  forbidSendMsg,
  deleteGroupMember,
  banGroupMember,
  unbanGroupMember,
  groupMsgRecall,
  deleteGroupMsgBySender,
  modifyGroupBaseInfo,
  getNoSpeaking,
  setNoSpeaking,
  getSpecifiedGroupMemberInfo,
  modifyGroupMemberInfo,
  changeGroupOwner,
  addGroupMember,
  destroyGroup,
  createGroup,
  sendGroupMsg,
  sendGroupSystemNotification,
  getAdminList,
  modifyAdmin,
  checkLiveMembers,
  getTopic,
  createTopic,
  modifyTopic,
  destroyTopic,
  getGroupAttr,
  modifyGroupAttr,
  modifyGroupAttrAlt,
  setGroupAttr,
  setGroupAttrAlt,
  clearGroupAttr,
  clearGroupAttrAlt,
  getGroupCounter,
  updateGroupCounter,
  deleteGroupCounter,
} as const;

type Apis = typeof CHAT_APIS;
export type ApiName = Apis[keyof Apis]["name"];

const ALL: readonly ApiInfo[] = Object.values(CHAT_APIS);

export const API_NAMES = ALL.map((a) => a.name) as readonly ApiName[];

export function apiNamed(name: string): ApiInfo | undefined {
  return ALL.find((a) => a.name === name);
}

/** How an API is named to a reader: its REST path (service/command), the descriptor name when unknown. */
export function restPathOf(name: string): string {
  const api = apiNamed(name);
  return api ? `${api.service}/${api.command}` : name;
}

export function isApiName(name: string): name is ApiName {
  return apiNamed(name) !== undefined;
}

export type { ApiInfo, ChatApi, RequestOf, ResponseOf } from "./define.js";
