import { z } from "zod";
import { ChatApiError, ChatInputError } from "../../chat/errors.js";
import { isCommunityGroupId } from "../../chat/group-types.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { TopicParam } from "../shared/topic.js";
import { TopicOut, topicLine, topicToOutput } from "./topic-out.js";

export default defineTool({
  name: "list_topics",
  title: "List a Community's topics",
  description:
    "The topics of a Community with topics switched on (REST get_topic): name, texts, mute-all, custom string, last " +
    "message. Their topic_id goes to the message and mute tools.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      topic_ids: z.array(TopicParam).min(1).max(100).optional().describe("Only these."),
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    count: z.number(),
    topics: z.array(TopicOut),
    missing: z.array(z.string()).optional(),
  }),
  annotations: readOnlyAnnotations("List a Community's topics"),
  async handler(args, ctx) {
    if (!isCommunityGroupId(args.group_id))
      throw new ChatInputError(
        "group_id",
        `${args.group_id} is not a Community: only Communities have topics.`,
        undefined,
        "Use get_group_info for other groups.",
      );
    let res: Awaited<ReturnType<typeof ctx.chat.topics>>;
    try {
      res = await ctx.chat.topics(args.group_id, args.topic_ids, { signal: ctx.signal });
    } catch (err) {
      if (err instanceof ChatApiError && err.code === 10007)
        throw new ChatInputError(
          "group_id",
          `${args.group_id} does not have topics switched on.`,
          undefined,
          "Its messages and mutes are the group's own: use the tools without topic_id.",
        );
      throw err;
    }
    const topics = res.topics.map(topicToOutput);
    const missing = res.missing.map((m) => m.topicId);
    return {
      data: { group_id: args.group_id, count: topics.length, topics, ...(missing.length ? { missing } : {}) },
      text: [
        `${args.group_id} has ${topics.length} ${args.topic_ids ? "of the topics asked for" : "topics"}.`,
        ...topics.map(topicLine),
        missing.length ? `Not found: ${missing.join(", ")}.` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    };
  },
});
