// What the attribute and counter tools refuse before sending, by group type and its topics.
import { ChatApiError, ChatInputError } from "../../chat/errors.js";
import type { ToolContext } from "../define.js";
import { groupFacts } from "../shared/writes.js";

/** Counters: the REST pages serve no Community; the SDK guide none with topics. Both agree on topic-enabled ones. */
export async function refuseTopicCommunity(ctx: ToolContext, groupId: string): Promise<string> {
  const { type } = await groupFacts(ctx, groupId);
  if (type === "Community") {
    const topics = await ctx.chat.topics(groupId, undefined, { signal: ctx.signal }).then(
      () => true,
      (err: unknown) => (err instanceof ChatApiError && err.code === 10007 ? false : Promise.reject(err)),
    );
    if (topics)
      throw new ChatInputError(
        "group_id",
        `${groupId} is a Community with topics: it has no group counters.`,
        undefined,
        "Keep the number in group attributes (set_group_attributes).",
      );
  }
  return type;
}
