// group_open_http_svc/change_group_owner: hands a group to another member, or gives an ownerless group an
// owner (https://tencentcloud.com/document/product/1047/34966). The new owner must be a member. Not AVChatRoom (10007).
import { z } from "zod";
import { defineApi, GroupId, UserId } from "./define.js";

export const changeGroupOwner = defineApi({
  name: "change_group_owner",
  service: "group_open_http_svc",
  command: "change_group_owner",
  doc: "https://tencentcloud.com/document/product/1047/34966",
  groupTypes: ["Private", "Public", "ChatRoom", "Community"],
  writes: true,
  request: z.object({ GroupId, NewOwner_Account: UserId }),
  response: z.looseObject({}),
  unsupported: {
    meaning: "Live groups (AVChatRoom) cannot change owner.",
    nextStep: "Give a live group admins instead (set_live_admins).",
  },
});
