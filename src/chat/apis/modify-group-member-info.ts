// group_open_http_svc/modify_group_member_info: one member's role (Admin/Member), name card (at most 50
// bytes), mute and custom fields (https://www.tencentcloud.com/document/product/1047/34900). Not AVChatRoom.
import { z } from "zod";
import { defineApi, GroupId, intRange, UserId } from "./define.js";
import { MUTE_FOREVER } from "./forbid-send-msg.js";

export const NAME_CARD_MAX_BYTES = 50;

export const modifyGroupMemberInfo = defineApi({
  name: "modify_group_member_info",
  service: "group_open_http_svc",
  command: "modify_group_member_info",
  doc: "https://www.tencentcloud.com/document/product/1047/34900",
  groupTypes: ["Private", "Public", "ChatRoom", "Community"],
  writes: true,
  request: z
    .object({
      GroupId,
      Member_Account: UserId,
      Role: z.enum(["Admin", "Member"]).optional(),
      NameCard: z
        .string()
        .refine((s) => Buffer.byteLength(s) <= NAME_CARD_MAX_BYTES, `is at most ${NAME_CARD_MAX_BYTES} bytes (UTF-8)`)
        .optional(),
      // MuteTime on current pages, ShutUpTime on older ones (docs/drift.md): groups.ts tries MuteTime first.
      MuteTime: intRange(0, MUTE_FOREVER).optional(),
      ShutUpTime: intRange(0, MUTE_FOREVER).optional(),
      AppMemberDefinedData: z.array(z.object({ Key: z.string().min(1), Value: z.string() })).optional(),
    })
    .refine(
      (r) => [r.Role, r.NameCard, r.MuteTime, r.ShutUpTime, r.AppMemberDefinedData].some((v) => v !== undefined),
      { error: "names nothing to change", path: ["Member_Account"] },
    ),
  response: z.looseObject({}),
  unsupported: {
    meaning: "Live groups (AVChatRoom) keep no member profiles, so they cannot be changed.",
    nextStep: "In a live group use mute_members or ban_members.",
  },
});
