import { z } from "zod";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { communityTopics, requireCommunity, TopicParam } from "../shared/topic.js";
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
    requireCommunity(args.group_id, "group_id", "Use get_group_info for other groups.");
    const res = await communityTopics(
      ctx,
      args.group_id,
      args.topic_ids,
      "group_id",
      "Its messages and mutes are the group's own: use the tools without topic_id.",
    );
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
