// group_open_http_svc/group_msg_recall: recall up to 10 messages by sequence
// (https://cloud.tencent.com/document/product/269/12341). In live groups only online members see the recall,
// and only for messages under an hour old.
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";
import { TopicId } from "./topics.js";

export const RECALL_PER_CALL = 10;

export const groupMsgRecall = defineApi({
  name: "group_msg_recall",
  service: "group_open_http_svc",
  command: "group_msg_recall",
  doc: "https://cloud.tencent.com/document/product/269/12341",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z.object({
    GroupId,
    TopicId: TopicId.optional(),
    MsgSeqList: z
      .array(z.object({ MsgSeq: z.number().int().min(1) }))
      .min(1)
      .max(RECALL_PER_CALL),
    Reason: z.string().max(200).optional(),
  }),
  // The per-message result list's shape is not confirmed: read it when it is there, else every message is done.
  response: z.looseObject({
    RecallRetList: z
      .array(z.looseObject({ MsgSeq: z.number(), RetCode: z.number().catch(0).default(0) }))
      .optional()
      .catch(undefined),
  }),
  unsupported: {
    meaning: "The admin may not recall messages in this group.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
