// group_open_http_svc/get_role_in_group: the role of up to 500 accounts in one group, NotMember for the
// others (https://cloud.tencent.com/document/api/269/1626). Not for live groups (AVChatRoom).
import { z } from "zod";
import { defineApi, GroupId, userIds } from "./define.js";

export const ROLES_PER_CALL = 500;

export const getRoleInGroup = defineApi({
  name: "get_role_in_group",
  service: "group_open_http_svc",
  command: "get_role_in_group",
  doc: "https://cloud.tencent.com/document/api/269/1626",
  groupTypes: ["Private", "Public", "ChatRoom", "Community"],
  request: z.object({ GroupId, User_Account: userIds(ROLES_PER_CALL) }),
  response: z.looseObject({
    UserIdList: z
      .array(
        z.looseObject({
          Member_Account: z.string(),
          Role: z
            .string()
            .transform((r) => r.trim())
            .default("NotMember"),
        }),
      )
      .default([]),
  }),
  unsupported: {
    meaning: "Live groups (AVChatRoom) have no member roles to look up: they keep no member list.",
    nextStep:
      "For an AVChatRoom see who is in it with get_online_members or summarize_online_members (find_group_members does not apply).",
  },
});
