// group_open_http_svc/delete_group_member: remove up to 100 members (https://cloud.tencent.com/document/product/269/1622).
// Removing a non-member answers OK. Live groups (AVChatRoom) refuse it with 10004.
import { z } from "zod";
import { defineApi, GroupId, userIds } from "./define.js";

export const REMOVE_PER_CALL = 100;

export const deleteGroupMember = defineApi({
  name: "delete_group_member",
  service: "group_open_http_svc",
  command: "delete_group_member",
  doc: "https://cloud.tencent.com/document/product/269/1622",
  groupTypes: ["Private", "Public", "ChatRoom", "Community"],
  writes: true,
  request: z.object({
    GroupId,
    MemberToDel_Account: userIds(REMOVE_PER_CALL),
    /** 1 = only the removed members are told. */
    Silence: z.union([z.literal(0), z.literal(1)]).optional(),
    Reason: z.string().max(200).optional(),
  }),
  response: z.looseObject({}),
  unsupported: {
    meaning: "Live groups (AVChatRoom) have no member list to remove members from.",
    nextStep: "For an AVChatRoom use ban_members (keeps them out) or mute_members.",
  },
});
