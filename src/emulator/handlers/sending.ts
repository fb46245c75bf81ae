// Posting: send_group_msg (https://www.tencentcloud.com/document/product/1047/34959) and
// send_group_system_notification (https://cloud.tencent.com/document/product/269/1630). A message lands in
// the history group_msg_get_simple reads (live groups keep none); a repeated Random within five minutes is
// answered with the first message's sequence and posts nothing.
import { CODES, EmuFailure, ok } from "../envelope.js";
import { RULES } from "../rules.js";
import { type Handler, optionalStringArray, requireChannel, requireGroup } from "./context.js";

export const sendGroupMsg: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const { body } = ctx;
  const random = body.Random;
  if (typeof random !== "number" || !Number.isInteger(random) || random < 0 || random > 0xffffffff)
    throw new EmuFailure(CODES.invalidParam, "Random is required: a 32-bit unsigned integer");
  const msgBody = body.MsgBody;
  if (!Array.isArray(msgBody) || msgBody.length === 0)
    throw new EmuFailure(CODES.invalidParam, "MsgBody must be a non-empty list of elements");
  if (Buffer.byteLength(JSON.stringify(msgBody)) > RULES.messageMaxBytes)
    throw new EmuFailure(CODES.invalidParam, `the message exceeds ${RULES.messageMaxBytes} bytes`);
  const { channel, topic } = requireChannel(ctx, g);
  for (const [r, sent] of channel.recentRandoms)
    if (sent.time <= ctx.now - RULES.dedupeWindowSeconds) channel.recentRandoms.delete(r);
  const repeat = channel.recentRandoms.get(random);
  if (repeat) return ok({ MsgTime: repeat.time, MsgSeq: repeat.seq });
  const from = body.From_Account;
  if (from !== undefined) {
    if (typeof from !== "string" || from === "")
      throw new EmuFailure(CODES.invalidParam, "From_Account must be a UserID");
    const m = ctx.store.membership(g, from);
    if (!m && g.Type !== "AVChatRoom")
      throw new EmuFailure(CODES.noPermission, `${from} is not a member and cannot post to the group`);
    const i = g.members.indexOf(from);
    const muted =
      (i >= 0 && g.members.at(i).MuteUntil > ctx.now) ||
      (g.viewerMutes.get(from) ?? 0) > ctx.now ||
      (topic?.mutes.get(from) ?? 0) > ctx.now ||
      (topic?.MuteAllMember === "On" && m?.role === "Member") ||
      ctx.store.accountMute(ctx.app.sdkAppId, from).group > ctx.now ||
      (g.MuteAllMember === "On" && m?.role === "Member");
    if (muted) throw new EmuFailure(CODES.senderMuted, `${from} is muted and cannot post`);
  }
  const sender = typeof from === "string" ? from : ctx.app.admin;
  let seq: number;
  if (g.Type === "AVChatRoom") {
    // Live groups keep no history: the sequence still advances.
    seq = g.NextMsgSeq;
    g.NextMsgSeq = seq + 1;
  } else
    seq = ctx.store.appendMessage(channel, {
      From_Account: sender,
      MsgTimeStamp: ctx.now,
      MsgRandom: random,
      MsgBody: msgBody as { MsgType: string; MsgContent: Record<string, unknown> }[],
    });
  channel.recentRandoms.set(random, { seq, time: ctx.now });
  return ok({ MsgTime: ctx.now, MsgSeq: seq });
};

export const sendGroupSystemNotification: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const content = ctx.body.Content;
  if (typeof content !== "string" || content === "") throw new EmuFailure(CODES.invalidParam, "Content is required");
  const to = optionalStringArray(ctx.body, "ToMembers_Account");
  if (to && to.length > RULES.noticeMaxRecipients)
    throw new EmuFailure(CODES.invalidParam, `ToMembers_Account has more than ${RULES.noticeMaxRecipients} accounts`);
  // "AVChatRoom only supports sending system notifications to all group members."
  if (to?.length && g.Type === "AVChatRoom")
    throw new EmuFailure(CODES.noPermission, "live groups (AVChatRoom) take notices to everyone only");
  g.notices.push({ time: ctx.now, text: content, to: to?.length ? to : null });
  return ok({});
};
