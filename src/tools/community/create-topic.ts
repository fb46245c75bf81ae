import { z } from "zod";
import { topicIdProblem } from "../../chat/apis/topics.js";
import { ChatInputError } from "../../chat/errors.js";
import type { TopicChange } from "../../chat/groups.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { communityTopics, requireCommunity, TopicParam } from "../shared/topic.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { TopicTextParams } from "./topic-params.js";

export default defineTool({
  name: "create_topic",
  title: "Create a topic in a Community",
  description:
    "Creates a topic in a Community with topics switched on (REST create_topic); returns its topic_id. A custom " +
    'topic_id is the Community\'s ID + "@TOPIC#_" + a name. Audited.',
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      name: TopicTextParams.name,
      topic_id: TopicParam.optional(),
      introduction: TopicTextParams.introduction.optional(),
      notification: TopicTextParams.notification.optional(),
      face_url: TopicTextParams.face_url.optional(),
      custom: TopicTextParams.custom.optional().describe("Custom string."),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    topic_id: z.string().optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Create a topic in a Community", false, false),
  async handler(args, ctx) {
    const change: TopicChange & { name: string; topicId?: string } = {
      name: args.name,
      ...(args.topic_id ? { topicId: args.topic_id } : {}),
      ...(args.introduction !== undefined ? { introduction: args.introduction } : {}),
      ...(args.notification !== undefined ? { notification: args.notification } : {}),
      ...(args.face_url !== undefined ? { faceUrl: args.face_url } : {}),
      ...(args.custom !== undefined ? { custom: args.custom } : {}),
    };
    const r = await runSingleWrite(ctx, {
      tool: "create_topic",
      groupId: args.group_id,
      args,
      async check() {
        requireCommunity(args.group_id, "group_id");
        const problem = args.topic_id ? topicIdProblem(args.group_id, args.topic_id) : undefined;
        if (problem)
          throw new ChatInputError("topic_id", `${args.topic_id} cannot be a topic of ${args.group_id}: ${problem}.`);
        // Topics switched on, and a custom ID still free: said before sending.
        const existing = await communityTopics(
          ctx,
          args.group_id,
          args.topic_id ? [args.topic_id] : undefined,
          "group_id",
          "Switch topics on in the console (Group feature configuration > Community).",
        );
        if (args.topic_id && existing.topics.length)
          throw new ChatInputError(
            "topic_id",
            `${args.topic_id} exists already.`,
            undefined,
            "Pick another topic_id, or change the topic with update_topic.",
          );
        return {};
      },
      intent: () => ({
        kind: "none",
        count: 0,
        summary: `create_topic in ${args.group_id}: ${JSON.stringify(change)} (REST create_topic)`,
      }),
      request: () => ({
        api: "create_topic",
        body: {
          GroupId: args.group_id,
          ...(args.topic_id ? { TopicId: args.topic_id } : {}),
          TopicName: args.name,
          ...(args.introduction !== undefined ? { Introduction: args.introduction } : {}),
          ...(args.notification !== undefined ? { Notification: args.notification } : {}),
          ...(args.face_url !== undefined ? { FaceUrl: args.face_url } : {}),
          ...(args.custom !== undefined ? { CustomString: args.custom } : {}),
        },
      }),
      send: () => ctx.chat.createTopic(args.group_id, change, { signal: ctx.signal }),
    });
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, confirm_token: r.token },
        text: `Dry run, nothing was sent. Would send create_topic ${JSON.stringify(r.wouldSend.body)}.\n${confirmLine(r.token)}`,
      };
    return {
      data: { group_id: args.group_id, dry_run: false, topic_id: r.result },
      text: `Created topic ${r.result} (${JSON.stringify(args.name)}) in ${args.group_id}.`,
    };
  },
});
