// group_open_http_svc/delete_group_msg_by_sender: silently remove the latest 1,000 messages of one sender
// (https://cloud.tencent.com/document/product/269/2359). No effect (and no error) in live groups.
import { z } from "zod";
import { defineApi, GroupId, UserId } from "./define.js";
import { TopicId } from "./topics.js";

export const deleteGroupMsgBySender = defineApi({
  name: "delete_group_msg_by_sender",
  service: "group_open_http_svc",
  command: "delete_group_msg_by_sender",
  doc: "https://cloud.tencent.com/document/product/269/2359",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z.object({ GroupId, Sender_Account: UserId, TopicId: TopicId.optional() }),
  response: z.looseObject({}),
  unsupported: {
    meaning: "The admin may not delete messages in this group.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
