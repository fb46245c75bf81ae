// Message operations: history pages, recalls, deleting a sender's messages.
import type { CallOptions } from "../api.js";
import type { GroupMessage } from "../apis/group-msg-get-simple.js";
import { CHAT_APIS } from "../apis/index.js";
import { type GroupRef, Ops, target } from "./base.js";

export class MessageOps extends Ops {
  /** Up to 20 messages with a sequence up to `beforeSeq` (default: the latest), newest first. */
  async messagesPage(
    q: { groupId: string; topicId?: string; count: number; upToSeq?: number; withRecalled: boolean },
    opts?: CallOptions,
  ): Promise<{ messages: GroupMessage[]; finished: boolean }> {
    const page = await this.caller.call(
      CHAT_APIS.groupMsgGetSimple,
      {
        ...target(q),
        ReqMsgNumber: q.count,
        ...(q.upToSeq !== undefined ? { ReqMsgSeq: q.upToSeq } : {}),
        WithRecalledMsg: q.withRecalled ? 1 : 0,
      },
      opts,
    );
    const messages = [...page.RspMsgList].sort((a, b) => b.MsgSeq - a.MsgSeq);
    return { messages, finished: page.IsFinished === 1 || messages.length === 0 };
  }

  /** Recalls messages; each sequence's result code (0 = recalled) when Tencent reports them. */
  async recall(
    where: GroupRef,
    seqs: readonly number[],
    reason: string | undefined,
    opts?: CallOptions,
  ): Promise<Map<number, number>> {
    const res = await this.caller.call(
      CHAT_APIS.groupMsgRecall,
      { ...target(where), MsgSeqList: seqs.map((MsgSeq) => ({ MsgSeq })), ...(reason ? { Reason: reason } : {}) },
      opts,
    );
    return new Map((res.RecallRetList ?? []).map((r) => [r.MsgSeq, r.RetCode]));
  }

  async deleteMessagesOf(where: GroupRef, sender: string, opts?: CallOptions): Promise<void> {
    await this.caller.call(CHAT_APIS.deleteGroupMsgBySender, { ...target(where), Sender_Account: sender }, opts);
  }

  /**
   * Posts a text message. `random` is the call's own: every retry of this request carries it, and Tencent
   * drops a repeat within five minutes as a duplicate, so a retried request never posts twice.
   */
  async send(
    q: { groupId: string; topicId?: string; text: string; from?: string; random: number },
    opts?: CallOptions,
  ): Promise<{ seq: number; time: number; dropReason?: string }> {
    const res = await this.caller.call(
      CHAT_APIS.sendGroupMsg,
      {
        ...target(q),
        Random: q.random,
        ...(q.from ? { From_Account: q.from } : {}),
        MsgBody: [{ MsgType: "TIMTextElem" as const, MsgContent: { Text: q.text } }],
      },
      opts,
    );
    return { seq: res.MsgSeq, time: res.MsgTime, ...(res.MsgDropReason ? { dropReason: res.MsgDropReason } : {}) };
  }

  /** A system notice to everyone, or to these members (at most 50 a request). */
  async notice(
    groupId: string,
    text: string,
    accounts: readonly string[] | undefined,
    opts?: CallOptions,
  ): Promise<void> {
    await this.caller.call(
      CHAT_APIS.sendGroupSystemNotification,
      { GroupId: groupId, Content: text, ...(accounts?.length ? { ToMembers_Account: [...accounts] } : {}) },
      opts,
    );
  }
}
