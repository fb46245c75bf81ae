// Message history and its moderation: group_msg_get_simple (https://trtc.io/document/34971), group_msg_recall
// (https://cloud.tencent.com/document/product/269/12341), delete_group_msg_by_sender
// (https://cloud.tencent.com/document/product/269/2359).
import { CODES, EmuFailure, ok } from "../envelope.js";
import { RULES } from "../rules.js";
import { type Handler, optionalInt, requireChannel, requireGroup } from "./context.js";

export const groupMsgGetSimple: Handler = (ctx) => {
  const g = requireGroup(ctx);
  if (ctx.body.ReqMsgNumber === undefined) throw new EmuFailure(CODES.invalidParam, "ReqMsgNumber is required");
  const count = optionalInt(ctx.body, "ReqMsgNumber", 1, RULES.historyMaxMessages) ?? RULES.historyMaxMessages;
  const upTo = optionalInt(ctx.body, "ReqMsgSeq", 0, Number.MAX_SAFE_INTEGER) ?? Number.MAX_SAFE_INTEGER;
  const withRecalled = optionalInt(ctx.body, "WithRecalledMsg", 0, 1) === 1;
  const { channel, topic } = requireChannel(ctx, g);
  // Newest first, from ReqMsgSeq down; gone messages (recalled, deleted) only as placeholders when asked for.
  const older = channel.messages.filter((m) => m.MsgSeq <= upTo && (withRecalled || m.state === "normal")).reverse();
  const page = older.slice(0, count);
  return ok({
    GroupId: g.GroupId,
    ...(topic ? { TopicId: topic.TopicId } : {}),
    IsFinished: older.length <= count ? 1 : 0,
    RspMsgList: page.map((m) => ({
      From_Account: m.From_Account,
      IsPlaceMsg: m.state === "normal" ? 0 : 1,
      MsgBody: m.state === "normal" ? m.MsgBody : [],
      MsgPriority: 1,
      MsgRandom: m.MsgRandom,
      MsgSeq: m.MsgSeq,
      MsgTimeStamp: m.MsgTimeStamp,
    })),
  });
};

export const groupMsgRecall: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const list = ctx.body.MsgSeqList;
  if (!Array.isArray(list) || list.length === 0) throw new EmuFailure(CODES.invalidParam, "MsgSeqList is required");
  if (list.length > RULES.recallMaxMessages)
    throw new EmuFailure(CODES.invalidParam, `MsgSeqList has more than ${RULES.recallMaxMessages} messages`);
  const seqs = list.map((x) => (x as { MsgSeq?: unknown })?.MsgSeq);
  if (!seqs.every((s): s is number => typeof s === "number" && Number.isInteger(s) && s > 0))
    throw new EmuFailure(CODES.invalidParam, "each MsgSeqList item needs an integer MsgSeq");
  const result = ctx.store.recall(requireChannel(ctx, g).channel, seqs);
  return ok({ RecallRetList: seqs.map((MsgSeq) => ({ MsgSeq, RetCode: result.get(MsgSeq) ?? 0 })) });
};

export const deleteGroupMsgBySender: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const sender = ctx.body.Sender_Account;
  if (typeof sender !== "string" || sender === "")
    throw new EmuFailure(CODES.invalidParam, "Sender_Account is required");
  const { channel } = requireChannel(ctx, g);
  // Live groups keep no history: the call succeeds and changes nothing.
  if (g.Type !== "AVChatRoom") ctx.store.deleteMessagesOf(channel, sender);
  return ok({});
};
