// group_open_http_svc/add_group_member: adds up to 300 members a request, with a result per account
// (https://www.tencentcloud.com/document/product/1047/34921). Not AVChatRoom (10007): its users join themselves.
import { z } from "zod";
import { defineApi, GroupId, UserId } from "./define.js";

export const ADD_PER_CALL = 300;

/** Result per account: 0 failed, 1 added, 2 already a member, 3 invited and waiting for the invitee. */
export const ADD_RESULTS = { 0: "failed", 1: "added", 2: "already_member", 3: "invited" } as const;

export const addGroupMember = defineApi({
  name: "add_group_member",
  service: "group_open_http_svc",
  command: "add_group_member",
  doc: "https://www.tencentcloud.com/document/product/1047/34921",
  groupTypes: ["Private", "Public", "ChatRoom", "Community"],
  writes: true,
  request: z.object({
    GroupId,
    MemberList: z
      .array(z.object({ Member_Account: UserId }))
      .min(1)
      .max(ADD_PER_CALL),
    /** 1 = nobody is notified. */
    Silence: z.union([z.literal(0), z.literal(1)]).optional(),
  }),
  response: z.looseObject({
    MemberList: z
      .array(z.looseObject({ Member_Account: z.string(), Result: z.number().int().catch(0) }))
      .catch([])
      .default([]),
  }),
  unsupported: {
    meaning: "Live groups (AVChatRoom) cannot have members added: users join them from the app.",
    nextStep: "Nothing to add; moderate a live group with mute_members or ban_members.",
  },
});
