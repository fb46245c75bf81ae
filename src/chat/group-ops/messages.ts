// Message operations: history pages, recalls, deleting a sender's messages.
import type { CallOptions } from "../api.js";
import type { GroupMessage } from "../apis/group-msg-get-simple.js";
import { CHAT_APIS } from "../apis/index.js";
import { Ops } from "./base.js";

export class MessageOps extends Ops {
  /** Up to 20 messages with a sequence up to `beforeSeq` (default: the latest), newest first. */
  async messagesPage(
    q: { groupId: string; count: number; upToSeq?: number; withRecalled: boolean },
    opts?: CallOptions,
  ): Promise<{ messages: GroupMessage[]; finished: boolean }> {
    const page = await this.caller.call(
      CHAT_APIS.groupMsgGetSimple,
      {
        GroupId: q.groupId,
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
    groupId: string,
    seqs: readonly number[],
    reason: string | undefined,
    opts?: CallOptions,
  ): Promise<Map<number, number>> {
    const res = await this.caller.call(
      CHAT_APIS.groupMsgRecall,
      { GroupId: groupId, MsgSeqList: seqs.map((MsgSeq) => ({ MsgSeq })), ...(reason ? { Reason: reason } : {}) },
      opts,
    );
    return new Map((res.RecallRetList ?? []).map((r) => [r.MsgSeq, r.RetCode]));
  }

  async deleteMessagesOf(groupId: string, sender: string, opts?: CallOptions): Promise<void> {
    await this.caller.call(CHAT_APIS.deleteGroupMsgBySender, { GroupId: groupId, Sender_Account: sender }, opts);
  }
}
