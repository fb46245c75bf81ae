// The router table: adding the next group API is one handler file and one line here.
import type { ApiName } from "../../chat/endpoints.js";
import type { Handler } from "./context.js";
import { getGroupInfo } from "./get-group-info.js";
import { getGroupMemberInfo } from "./get-group-member-info.js";
import { getMembers } from "./get-members.js";
import { getLiveOnlineMemberNum, getOnlineMemberNum } from "./get-online-member-num.js";
import { modifyUserInfo } from "./modify-user-info.js";

export const HANDLERS: Readonly<Record<ApiName, Handler>> = {
  get_group_info: getGroupInfo,
  get_group_member_info: getGroupMemberInfo,
  get_members: getMembers,
  get_online_member_num: getOnlineMemberNum,
  get_group_online_member_num: getLiveOnlineMemberNum,
  modify_user_info: modifyUserInfo,
};
