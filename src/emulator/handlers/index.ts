// The emulator's route table: where each REST API lives, which group types it serves (10007 for the
// others) and its own rate limit when the docs give one. Adding an API: its handler file and one row here.
import { CODES, EmuFailure } from "../envelope.js";
import type { EmuGroupType } from "../model.js";
import { RULES } from "../rules.js";
import { addGroupMember, changeGroupOwner, createGroup, destroyGroup, modifyGroupBaseInfo } from "./administration.js";
import type { Handler } from "./context.js";
import { getAppidGroupList } from "./get-appid-group-list.js";
import { getGroupInfo } from "./get-group-info.js";
import { getGroupMemberInfo, getSpecifiedGroupMemberInfo } from "./get-group-member-info.js";
import { getJoinedGroupList } from "./get-joined-group-list.js";
import { getMembers } from "./get-members.js";
import { getLiveOnlineMemberNum, getOnlineMemberNum } from "./get-online-member-num.js";
import { getRoleInGroup } from "./get-role-in-group.js";
import {
  clearGroupAttr,
  deleteGroupCounter,
  getGroupAttr,
  getGroupCounter,
  modifyGroupAttr,
  setGroupAttr,
  updateGroupCounter,
} from "./group-state.js";
import { checkMembers, getAdminList, modifyAdmin } from "./live-admins.js";
import { deleteGroupMsgBySender, groupMsgGetSimple, groupMsgRecall } from "./messages.js";
import { modifyGroupMemberInfo } from "./modify-group-member-info.js";
import { modifyUserInfo } from "./modify-user-info.js";
import { forbidSendMsg, getGroupMutedAccount } from "./mutes.js";
import { getNoSpeaking, setNoSpeaking } from "./nospeaking.js";
import { banGroupMember, deleteGroupMember, getGroupBanMember, unbanGroupMember } from "./removals.js";
import { sendGroupMsg, sendGroupSystemNotification } from "./sending.js";
import { createTopic, destroyTopic, getTopic, modifyTopic } from "./topics.js";

export interface Route {
  /** The name fault rules and statistics use. */
  name: string;
  service: string;
  command: string;
  types: readonly EmuGroupType[];
  handler: Handler;
  callsPerSecond?: number;
  /** Request fields that are uint64 integers: the router hands their exact digits to the handler as strings. */
  bigIntegerFields?: readonly string[];
}

const ALL_TYPES: readonly EmuGroupType[] = ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"];

export const ROUTES: readonly Route[] = [
  {
    name: "get_group_info",
    service: "group_open_http_svc",
    command: "get_group_info",
    types: ALL_TYPES,
    handler: getGroupInfo,
  },
  {
    name: "get_group_member_info",
    service: "group_open_http_svc",
    command: "get_group_member_info",
    types: ["Private", "Public", "ChatRoom", "Community"],
    handler: getGroupMemberInfo,
  },
  {
    name: "get_members",
    service: "group_open_avchatroom_http_svc",
    command: "get_members",
    types: ["AVChatRoom", "Community"],
    handler: getMembers,
  },
  {
    name: "get_online_member_num",
    service: "million_group_open_http_svc",
    command: "get_online_member_num",
    types: ["Community"],
    handler: getOnlineMemberNum,
  },
  {
    name: "get_group_online_member_num",
    service: "group_open_http_svc",
    command: "get_online_member_num",
    types: ["AVChatRoom"],
    handler: getLiveOnlineMemberNum,
  },
  {
    name: "modify_user_info",
    service: "group_open_avchatroom_http_svc",
    command: "modify_user_info",
    types: ["AVChatRoom"],
    handler: modifyUserInfo,
  },
  {
    name: "get_appid_group_list",
    service: "group_open_http_svc",
    command: "get_appid_group_list",
    types: ALL_TYPES,
    handler: getAppidGroupList,
    callsPerSecond: RULES.groupIdListCallsPerSecond,
    bigIntegerFields: ["Next"],
  },
  {
    name: "get_joined_group_list",
    service: "group_open_http_svc",
    command: "get_joined_group_list",
    types: ALL_TYPES,
    handler: getJoinedGroupList,
  },
  {
    name: "get_role_in_group",
    service: "group_open_http_svc",
    command: "get_role_in_group",
    types: ["Private", "Public", "ChatRoom", "Community"],
    handler: getRoleInGroup,
  },
  ...groupRoutes({
    group_msg_get_simple: [["Private", "Public", "ChatRoom", "Community"], groupMsgGetSimple],
    group_msg_recall: [ALL_TYPES, groupMsgRecall],
    delete_group_msg_by_sender: [ALL_TYPES, deleteGroupMsgBySender],
    forbid_send_msg: [["Public", "ChatRoom", "AVChatRoom", "Community"], forbidSendMsg],
    get_group_muted_account: [ALL_TYPES, getGroupMutedAccount],
    modify_group_base_info: [ALL_TYPES, modifyGroupBaseInfo],
    // Live groups answer delete_group_member with 10004 (its page), checked in the handler.
    delete_group_member: [ALL_TYPES, deleteGroupMember],
    // Which types can ban is a doc variant (settings.banTypes), checked in the handlers.
    ban_group_member: [ALL_TYPES, banGroupMember],
    unban_group_member: [ALL_TYPES, unbanGroupMember],
    get_group_ban_member: [ALL_TYPES, getGroupBanMember],
    change_group_owner: [["Private", "Public", "ChatRoom", "Community"], changeGroupOwner],
    add_group_member: [["Private", "Public", "ChatRoom", "Community"], addGroupMember],
    destroy_group: [ALL_TYPES, destroyGroup],
    send_group_msg: [ALL_TYPES, sendGroupMsg],
    send_group_system_notification: [ALL_TYPES, sendGroupSystemNotification],
  }),
  // create_group names no group yet: its handler checks the type it is given.
  {
    name: "create_group",
    service: "group_open_http_svc",
    command: "create_group",
    types: ALL_TYPES,
    handler: createGroup,
  },
  ...liveRoutes({ get_admin_list: getAdminList, modify_admin: modifyAdmin, avchatroom_check_members: checkMembers }),
  ...["get_topic", "create_topic", "modify_topic", "destroy_topic"].map((command, i) => ({
    name: command,
    service: "million_group_open_http_svc",
    command,
    types: ["Community"] as const,
    handler: [getTopic, createTopic, modifyTopic, destroyTopic][i]!,
  })),
  {
    name: "get_group_attr",
    service: "group_open_attr_http_svc",
    command: "get_group_attr",
    types: ALL_TYPES,
    handler: getGroupAttr,
  },
  ...attrWriteRoutes({
    modify_group_attr: modifyGroupAttr,
    set_group_attr: setGroupAttr,
    clear_group_attr: clearGroupAttr,
  }),
  ...groupRoutes({
    get_group_counter: [ALL_TYPES, getGroupCounter],
    update_group_counter: [ALL_TYPES, updateGroupCounter],
    delete_group_counter: [ALL_TYPES, deleteGroupCounter],
  }),
  {
    name: "get_specified_group_member_info",
    service: "group_open_http_svc",
    command: "get_specified_group_member_info",
    types: ["Private", "Public", "ChatRoom", "Community"],
    handler: getSpecifiedGroupMemberInfo,
  },
  {
    name: "modify_group_member_info",
    service: "group_open_http_svc",
    command: "modify_group_member_info",
    types: ["Private", "Public", "ChatRoom", "Community"],
    handler: modifyGroupMemberInfo,
  },
  // Account-level (no group): any type of app, the app-wide mute of one account.
  {
    name: "getnospeaking",
    service: "openconfigsvr",
    command: "getnospeaking",
    types: ALL_TYPES,
    handler: getNoSpeaking,
  },
  {
    name: "setnospeaking",
    service: "openconfigsvr",
    command: "setnospeaking",
    types: ALL_TYPES,
    handler: setNoSpeaking,
  },
];

/**
 * The attribute writes under both services; the one the settings do not name answers 10003 (unknown
 * command), as a service without the command would. clear_group_attr's page leaves Community out.
 */
function attrWriteRoutes(table: Record<string, Handler>): Route[] {
  return Object.entries(table).flatMap(([command, handler]) =>
    (["group_open_http_svc", "group_open_attr_http_svc"] as const).map((service) => ({
      name: service === "group_open_http_svc" ? command : `${command}_attrsvc`,
      service,
      command,
      types: command === "clear_group_attr" ? ALL_TYPES.filter((t) => t !== "Community") : ALL_TYPES,
      handler: ((ctx) => {
        if (ctx.settings.attrWriteService !== service) throw new EmuFailure(CODES.invalidCommand, "invalid command");
        return handler(ctx);
      }) as Handler,
    })),
  );
}

/** AVChatRoom-only routes under group_open_avchatroom_http_svc (check_members is named apart from the group one). */
function liveRoutes(table: Record<string, Handler>): Route[] {
  return Object.entries(table).map(([name, handler]) => ({
    name,
    service: "group_open_avchatroom_http_svc",
    command: name.replace(/^avchatroom_/, ""),
    types: ["AVChatRoom"],
    handler,
  }));
}

/** Routes under group_open_http_svc whose command is their name. */
function groupRoutes(table: Record<string, [readonly EmuGroupType[], Handler]>): Route[] {
  return Object.entries(table).map(([name, [types, handler]]) => ({
    name,
    service: "group_open_http_svc",
    command: name,
    types,
    handler,
  }));
}

export function routeAt(service: string, command: string): Route | undefined {
  return ROUTES.find((r) => r.service === service && r.command === command);
}

export const KNOWN_SERVICES: ReadonlySet<string> = new Set(ROUTES.map((r) => r.service));
