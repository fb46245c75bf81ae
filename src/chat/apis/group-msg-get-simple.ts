// group_open_http_svc/group_msg_get_simple: a group's message history, newest first, at most 20 per request,
// paged backwards by sequence (https://trtc.io/document/34971). Live groups (AVChatRoom) keep no history.
import { z } from "zod";
import { defineApi, GroupId, intRange } from "./define.js";
import { TopicId } from "./topics.js";

export const MESSAGES_PER_CALL = 20;

const Element = z.looseObject({ MsgType: z.string().catch("unknown"), MsgContent: z.unknown().optional() });

const Message = z
  .looseObject({
    From_Account: z.string().catch(""),
    MsgSeq: z.number().int(),
    MsgRandom: z.number().optional().catch(undefined),
    // The page spells it MsgTimeStamp; some server SDKs read MsgTimestamp (docs/drift.md): either is the time.
    MsgTimeStamp: z.number().optional().catch(undefined),
    MsgTimestamp: z.number().optional().catch(undefined),
    /** 1 = the content is gone (recalled, deleted or expired); only the sequence stays. */
    IsPlaceMsg: z.number().optional().catch(undefined),
    MsgBody: z.array(Element).catch([]).default([]),
  })
  .transform(({ MsgTimestamp, ...m }) => ({ ...m, MsgTimeStamp: m.MsgTimeStamp ?? MsgTimestamp }));

export type GroupMessage = z.output<typeof Message>;

export const groupMsgGetSimple = defineApi({
  name: "group_msg_get_simple",
  service: "group_open_http_svc",
  command: "group_msg_get_simple",
  doc: "https://trtc.io/document/34971",
  groupTypes: ["Private", "Public", "ChatRoom", "Community"],
  request: z.object({
    GroupId,
    TopicId: TopicId.optional(),
    ReqMsgNumber: intRange(1, MESSAGES_PER_CALL),
    /** Messages with a sequence up to this one; omitted = the latest. */
    ReqMsgSeq: intRange(1, 2 ** 53 - 1).optional(),
    WithRecalledMsg: z.union([z.literal(0), z.literal(1)]).optional(),
  }),
  response: z.looseObject({
    IsFinished: z.number().optional().catch(undefined),
    // One odd message never loses the page.
    RspMsgList: z
      .array(z.unknown())
      .default([])
      .transform((items) =>
        items.flatMap((item) => {
          const m = Message.safeParse(item);
          return m.success ? [m.data] : [];
        }),
      ),
  }),
  unsupported: {
    meaning: "Live groups (AVChatRoom) keep no message history.",
    nextStep: "There is nothing to read back for an AVChatRoom; moderate it with mute_members or ban_members.",
  },
});
