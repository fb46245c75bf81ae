// group_open_http_svc/get_specified_group_member_info: the profiles of named members, at most 50 a request
// (https://www.tencentcloud.com/document/product/1047/64897). Not AVChatRoom. Accounts that are not members
// are not in the answer (the page does not say otherwise: the safe reading, docs/drift.md).
import { z } from "zod";
import { LenientMemberList, withLegacyMuteField } from "../response-schemas.js";
import { defineApi, GroupId, UserId } from "./define.js";

export const SPECIFIED_MEMBERS_PER_CALL = 50;

export const getSpecifiedGroupMemberInfo = defineApi({
  name: "get_specified_group_member_info",
  service: "group_open_http_svc",
  command: "get_specified_group_member_info",
  doc: "https://www.tencentcloud.com/document/product/1047/64897",
  groupTypes: ["Private", "Public", "ChatRoom", "Community"],
  request: z.object({
    GroupId,
    Member_List_Account: z.array(UserId).min(1).max(SPECIFIED_MEMBERS_PER_CALL),
    MemberInfoFilter: z.array(z.string()).optional().transform(withLegacyMuteField),
    MemberRoleFilter: z.array(z.string()).optional(),
    AppDefinedDataFilter_GroupMember: z.array(z.string()).optional(),
  }),
  response: z.looseObject({ MemberList: LenientMemberList }),
  unsupported: {
    meaning: "Live groups (AVChatRoom) keep no member list, so named members' profiles cannot be read there.",
    nextStep: "For an AVChatRoom use get_online_members or summarize_online_members (who is online).",
  },
});
