// Community topic operations: read, create, change and delete topics.
import type { CallOptions } from "../api.js";
import { CHAT_APIS } from "../apis/index.js";
import { DESTROY_TOPICS_PER_CALL, type TopicInfo } from "../apis/topics.js";
import { ChatApiError } from "../errors.js";
import { Ops } from "./base.js";

export interface Topic {
  topicId: string;
  name: string;
  introduction: string;
  notification: string;
  faceUrl: string;
  custom: string;
  muteAll: boolean;
  createTime?: number;
  lastMsgTime?: number;
  nextMsgSeq?: number;
}

export interface TopicChange {
  name?: string;
  introduction?: string;
  notification?: string;
  faceUrl?: string;
  custom?: string;
  muteAll?: boolean;
}

function topicOf(t: TopicInfo): Topic {
  // Mute-all is "On"/"Off" in requests; the SDK reads ShutUpAllFlag (a flag) back: either.
  const flag = t.ShutUpAllFlag;
  const muteAll =
    t.MuteAllMember !== undefined ? t.MuteAllMember === "On" : flag === 1 || flag === true || flag === "On";
  return {
    topicId: t.TopicId,
    name: t.TopicName,
    introduction: t.Introduction,
    notification: t.Notification,
    faceUrl: t.FaceUrl,
    custom: t.CustomString,
    muteAll,
    ...(t.CreateTime !== undefined ? { createTime: t.CreateTime } : {}),
    ...(t.LastMsgTime !== undefined ? { lastMsgTime: t.LastMsgTime } : {}),
    ...(t.NextMsgSeq !== undefined ? { nextMsgSeq: t.NextMsgSeq } : {}),
  };
}

function changeFields(c: TopicChange) {
  return {
    ...(c.name !== undefined ? { TopicName: c.name } : {}),
    ...(c.introduction !== undefined ? { Introduction: c.introduction } : {}),
    ...(c.notification !== undefined ? { Notification: c.notification } : {}),
    ...(c.faceUrl !== undefined ? { FaceUrl: c.faceUrl } : {}),
    ...(c.custom !== undefined ? { CustomString: c.custom } : {}),
  };
}

export class TopicOps extends Ops {
  /** A Community's topics (all, or these); topics Tencent reports an error for come back under `missing`. */
  async topics(
    groupId: string,
    topicIds?: readonly string[],
    opts?: CallOptions,
  ): Promise<{ topics: Topic[]; missing: { topicId: string; code: number }[] }> {
    const res = await this.caller.call(
      CHAT_APIS.getTopic,
      { GroupId: groupId, ...(topicIds?.length ? { TopicIdList: [...topicIds] } : {}) },
      opts,
    );
    const topics: Topic[] = [];
    const missing: { topicId: string; code: number }[] = [];
    for (const item of res.TopicAndSelfInfo) {
      const id = item.TopicInfo?.TopicId ?? "";
      if (item.ErrorCode) missing.push({ topicId: id, code: item.ErrorCode });
      else if (item.TopicInfo) topics.push(topicOf(item.TopicInfo));
    }
    // A topic asked for and not in the answer at all is missing too.
    for (const id of topicIds ?? [])
      if (!topics.some((t) => t.topicId === id) && !missing.some((m) => m.topicId === id))
        missing.push({ topicId: id, code: 10010 });
    return { topics, missing };
  }

  async createTopic(
    groupId: string,
    topic: TopicChange & { name: string; topicId?: string },
    opts?: CallOptions,
  ): Promise<string> {
    const res = await this.caller.call(
      CHAT_APIS.createTopic,
      {
        GroupId: groupId,
        ...(topic.topicId ? { TopicId: topic.topicId } : {}),
        TopicName: topic.name,
        ...changeFields({ ...topic, name: undefined }),
      },
      opts,
    );
    return res.TopicId;
  }

  async updateTopic(groupId: string, topicId: string, change: TopicChange, opts?: CallOptions): Promise<void> {
    await this.caller.call(
      CHAT_APIS.modifyTopic,
      {
        GroupId: groupId,
        TopicId: topicId,
        ...changeFields(change),
        ...(change.muteAll !== undefined ? { MuteAllMember: change.muteAll ? ("On" as const) : ("Off" as const) } : {}),
      },
      opts,
    );
  }

  /** Deletes topics (10 a request); each topic's result code (0 = deleted). */
  async deleteTopics(groupId: string, topicIds: readonly string[], opts?: CallOptions): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < topicIds.length; i += DESTROY_TOPICS_PER_CALL) {
      const chunk = topicIds.slice(i, i + DESTROY_TOPICS_PER_CALL);
      let res: { DestroyResultItem: { TopicId: string; ErrorCode: number }[] };
      try {
        res = await this.caller.call(CHAT_APIS.destroyTopic, { GroupId: groupId, TopicIdList: chunk }, opts);
      } catch (err) {
        // A later request failing never hides the topics deleted before it; nothing more is sent.
        if (out.size === 0) throw err;
        for (const id of topicIds.slice(i)) out.set(id, err instanceof ChatApiError ? err.code : -1);
        break;
      }
      const codes = new Map(res.DestroyResultItem.map((r) => [r.TopicId, r.ErrorCode]));
      // A topic the answer leaves out of an OK request was deleted.
      for (const id of chunk) out.set(id, codes.get(id) ?? 0);
    }
    return out;
  }
}
