import { z } from "zod";
import { describeChatError } from "../../chat/error-codes.js";
import { ChatInputError } from "../../chat/errors.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { communityTopics, requireCommunity, TopicParam } from "../shared/topic.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { topicLine, topicToOutput } from "./topic-out.js";

export default defineTool({
  name: "delete_topic",
  title: "Delete topics of a Community",
  description:
    "Deletes up to 100 topics of a Community with their messages (REST destroy_topic, 10 per request), with an outcome " +
    "per topic. Always confirmed: the dry run shows each topic. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      topic_ids: z
        .array(TopicParam)
        .min(1)
        .max(100)
        .refine((t) => new Set(t).size === t.length, "each topic may appear only once"),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    deleted: z.array(z.string()),
    failed: z.array(z.object({ topic_id: z.string(), code: z.number(), meaning: z.string() })),
    not_found: z.array(z.string()),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Delete topics of a Community", true, false),
  async handler(args, ctx) {
    const r = await runSingleWrite(ctx, {
      tool: "delete_topic",
      groupId: args.group_id,
      args,
      async check() {
        requireCommunity(args.group_id, "group_id");
        const found = await communityTopics(
          ctx,
          args.group_id,
          args.topic_ids,
          "group_id",
          "Its messages are the group's own; there are no topics to delete.",
        );
        if (found.topics.length === 0)
          throw new ChatInputError(
            "topic_ids",
            `None of these topics exists in ${args.group_id}.`,
            undefined,
            "Take the topic_ids from list_topics.",
          );
        return { topics: found.topics, notFound: found.missing.map((m) => m.topicId) };
      },
      intent: (f) => ({
        kind: "none",
        count: 0,
        always: "deleting a topic deletes its messages and cannot be undone",
        summary: `delete_topic in ${args.group_id}: ${f.topics.map((t) => `${t.topicId} ("${t.name}")`).join(", ")} (REST destroy_topic)`,
      }),
      request: (f) => ({
        api: "destroy_topic",
        body: { GroupId: args.group_id, TopicIdList: f.topics.map((t) => t.topicId) },
      }),
      send: (f) =>
        ctx.chat.deleteTopics(
          args.group_id,
          f.topics.map((t) => t.topicId),
          { signal: ctx.signal },
        ),
    });
    const notFound = r.facts.notFound;
    const lines = r.facts.topics.map((t) => topicLine(topicToOutput(t)));
    if (r.dryRun)
      return {
        data: {
          group_id: args.group_id,
          dry_run: true,
          deleted: [],
          failed: [],
          not_found: notFound,
          confirm_token: r.token,
        },
        text: [
          `Dry run, nothing was sent. Would delete ${lines.length} topics of ${args.group_id} with their messages:`,
          ...lines,
          notFound.length ? `Not found (left out): ${notFound.join(", ")}.` : "",
          confirmLine(r.token),
        ]
          .filter(Boolean)
          .join("\n"),
      };
    const deleted = [...r.result].filter(([, code]) => code === 0).map(([id]) => id);
    const failed = [...r.result]
      .filter(([, code]) => code !== 0)
      .map(([id, code]) => ({ topic_id: id, code, meaning: describeChatError(code).meaning }));
    return {
      data: { group_id: args.group_id, dry_run: false, deleted, failed, not_found: notFound },
      text: [
        `Deleted ${deleted.length} topics of ${args.group_id}${deleted.length ? `: ${deleted.join(", ")}` : ""}.`,
        ...failed.map((f) => `FAILED ${f.topic_id} (${f.code}): ${f.meaning}`),
        notFound.length ? `Not found (left out): ${notFound.join(", ")}.` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    };
  },
});
