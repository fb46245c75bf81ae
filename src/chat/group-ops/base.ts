// What every domain's operations share: the caller, and the one retry under an older field name.
import type { CallOptions, ChatCaller } from "../api.js";
import type { ChatApi } from "../apis/define.js";
import { ChatApiError } from "../errors.js";

/** A group, or one topic of a Community (the message and mute APIs act on either). */
export type GroupRef = string | { groupId: string; topicId?: string };

/** The request fields naming where an API acts: GroupId, and TopicId for a topic. */
export function target(ref: GroupRef): { GroupId: string; TopicId?: string } {
  if (typeof ref === "string") return { GroupId: ref };
  return { GroupId: ref.groupId, ...(ref.topicId ? { TopicId: ref.topicId } : {}) };
}

export abstract class Ops {
  constructor(readonly caller: ChatCaller) {}

  /**
   * Sends `base` with a mute duration under its current name (MuteTime) and, when that is refused as an
   * invalid parameter (10004), once more under the older pages' name (ShutUpTime; docs/drift.md). The
   * first error is the one reported.
   */
  protected async withMuteDuration<Req extends object>(
    api: ChatApi<Req, unknown>,
    base: Req,
    seconds: number,
    opts?: CallOptions,
  ): Promise<void> {
    try {
      await this.caller.call(api, { ...base, MuteTime: seconds }, opts);
    } catch (err) {
      if (!(err instanceof ChatApiError) || err.code !== 10004) throw err;
      try {
        await this.caller.call(api, { ...base, ShutUpTime: seconds }, opts);
      } catch {
        throw err;
      }
    }
  }
}
