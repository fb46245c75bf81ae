// group_open_http_svc/send_group_system_notification: an online-only system notice to all members, or to
// up to 50 named members (https://cloud.tencent.com/document/product/269/1630; the limit of 50 is on the
// trtc.io zh copy, the other copies name none). Live groups (AVChatRoom): to everyone only. Tencent has
// closed it to new apps ("use send_group_msg instead"); older apps still have it.
import { z } from "zod";
import { defineApi, GroupId, userIds } from "./define.js";

export const NOTICE_RECIPIENTS_PER_CALL = 50;

export const sendGroupSystemNotification = defineApi({
  name: "send_group_system_notification",
  service: "group_open_http_svc",
  command: "send_group_system_notification",
  doc: "https://cloud.tencent.com/document/product/269/1630",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z.object({
    GroupId,
    Content: z.string().min(1),
    ToMembers_Account: userIds(NOTICE_RECIPIENTS_PER_CALL).optional(),
  }),
  response: z.looseObject({}),
  unsupported: {
    meaning: "Live groups (AVChatRoom) take notices to everyone only, or the app has no access to this API.",
    nextStep: "Leave accounts out for a live group, or post with send_group_message instead.",
  },
});
