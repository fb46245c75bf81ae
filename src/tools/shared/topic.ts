// The topic parameter of the message and mute tools: checked before anything is sent (a Community, an ID
// of that Community, a topic that exists), and named in every answer.
import { z } from "zod";
import { topicIdProblem } from "../../chat/apis/topics.js";
import { ChatApiError, ChatInputError } from "../../chat/errors.js";
import { isCommunityGroupId } from "../../chat/group-types.js";
import type { GroupRef, Topic } from "../../chat/groups.js";
import { sanitizeText } from "../../core/sanitize.js";
import type { ToolContext } from "../define.js";

export const TopicParam = z.string().min(1).max(200).describe("Community topic (list_topics).");

/** Refuses a group that is not a Community (known from its ID): only Communities have topics. */
export function requireCommunity(groupId: string, param: string, nextStep?: string): void {
  if (!isCommunityGroupId(groupId))
    throw new ChatInputError(
      param,
      `${groupId} is not a Community: only Communities have topics.`,
      undefined,
      nextStep,
    );
}

/** A Community's topics (all, or these); a Community without topics is refused with the reason and `nextStep`. */
export async function communityTopics(
  ctx: ToolContext,
  groupId: string,
  topicIds: readonly string[] | undefined,
  param: string,
  nextStep: string,
): ReturnType<ToolContext["chat"]["topics"]> {
  try {
    return await ctx.chat.topics(groupId, topicIds, { signal: ctx.signal });
  } catch (err) {
    if (err instanceof ChatApiError && err.code === 10007)
      throw new ChatInputError(param, `${groupId} does not have topics switched on.`, undefined, nextStep);
    throw err;
  }
}

/** The named topic of a Community, or a refusal saying why it cannot be used. */
export async function requireTopic(ctx: ToolContext, groupId: string, topicId: string): Promise<Topic> {
  requireCommunity(groupId, "topic_id", "Leave topic_id out to act on the group itself.");
  const problem = topicIdProblem(groupId, topicId);
  if (problem)
    throw new ChatInputError(
      "topic_id",
      `${topicId} is not a topic of ${groupId}: ${problem}.`,
      undefined,
      "Take the topic_id from list_topics.",
    );
  const found = await communityTopics(
    ctx,
    groupId,
    [topicId],
    "topic_id",
    "Leave topic_id out to act on the Community itself.",
  );
  const topic = found.topics[0];
  if (!topic)
    throw new ChatInputError(
      "topic_id",
      `${groupId} has no topic ${topicId} (deleted, or never created).`,
      undefined,
      "Take the topic_id from list_topics.",
    );
  return topic;
}

/** Where a tool acts, for the operations: the group, or the topic. */
export function whereOf(groupId: string, topic: Topic | undefined): GroupRef {
  return topic ? { groupId, topicId: topic.topicId } : groupId;
}

/** " in topic "Name" (id)" for the answer's text, or "" without a topic. */
export function topicPhrase(topic: Topic | undefined): string {
  return topic ? ` in topic "${sanitizeText(topic.name, 60)}" (${topic.topicId})` : "";
}
