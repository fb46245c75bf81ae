// group_open_http_svc/send_group_msg: posts a message to a group (https://www.tencentcloud.com/document/product/1047/34959).
// "Random: the same number within five minutes is taken as a repeated message": a retry that carries the
// call's own Random cannot post twice. Every type.
import { z } from "zod";
import { defineApi, GroupId, intRange, UserId } from "./define.js";
import { TopicId } from "./topics.js";

/** A message body is at most 12 KB (Tencent's message size limit); the text is checked against it. */
export const MESSAGE_MAX_BYTES = 12 * 1024;
/** Repeats of a Random within this window are dropped as duplicates. */
export const DEDUPE_WINDOW_SECONDS = 300;

export const sendGroupMsg = defineApi({
  name: "send_group_msg",
  service: "group_open_http_svc",
  command: "send_group_msg",
  doc: "https://www.tencentcloud.com/document/product/1047/34959",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z.object({
    GroupId,
    TopicId: TopicId.optional(),
    Random: intRange(0, 0xffffffff),
    From_Account: UserId.optional(),
    MsgBody: z
      .array(
        z.object({
          MsgType: z.literal("TIMTextElem"),
          MsgContent: z.object({
            Text: z
              .string()
              .min(1)
              .refine((s) => Buffer.byteLength(s) <= MESSAGE_MAX_BYTES, `is at most ${MESSAGE_MAX_BYTES} bytes`),
          }),
        }),
      )
      .length(1),
  }),
  response: z.looseObject({
    MsgSeq: z.number().int().catch(0).default(0),
    MsgTime: z.number().int().catch(0).default(0),
    /** Set when a message was accepted but not delivered (e.g. dropped by a callback). */
    MsgDropReason: z.string().optional().catch(undefined),
  }),
  unsupported: {
    meaning: "The admin may not post to this group.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
