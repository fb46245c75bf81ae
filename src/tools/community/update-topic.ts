import { z } from "zod";
import type { TopicChange } from "../../chat/groups.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { requireTopic, TopicParam } from "../shared/topic.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { TopicOut, topicLine, topicToOutput } from "./topic-out.js";
import { TopicTextParams } from "./topic-params.js";

export default defineTool({
  name: "update_topic",
  title: "Change a topic",
  description:
    "Changes a Community topic's name, texts, face URL, custom string, or mutes it for all but admins (mute_all; REST " +
    "modify_topic). Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      topic_id: TopicParam,
      name: TopicTextParams.name.optional(),
      introduction: TopicTextParams.introduction.optional(),
      notification: TopicTextParams.notification.optional(),
      face_url: TopicTextParams.face_url.optional(),
      mute_all: z.boolean().optional(),
      custom: TopicTextParams.custom.optional().describe("Custom string."),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict()
    .refine((a) => Object.keys(a).some((k) => !["group_id", "topic_id", "dry_run", "confirm_token"].includes(k)), {
      message: "give at least one field to change",
      path: ["name"],
    }),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    before: TopicOut,
    after: TopicOut.optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Change a topic", false),
  async handler(args, ctx) {
    const change: TopicChange = {
      ...(args.name !== undefined ? { name: args.name } : {}),
      ...(args.introduction !== undefined ? { introduction: args.introduction } : {}),
      ...(args.notification !== undefined ? { notification: args.notification } : {}),
      ...(args.face_url !== undefined ? { faceUrl: args.face_url } : {}),
      ...(args.custom !== undefined ? { custom: args.custom } : {}),
      ...(args.mute_all !== undefined ? { muteAll: args.mute_all } : {}),
    };
    const r = await runSingleWrite(ctx, {
      tool: "update_topic",
      groupId: args.group_id,
      args,
      check: () => requireTopic(ctx, args.group_id, args.topic_id),
      intent: (t) => ({
        kind: "none",
        count: 0,
        summary: `update_topic ${t.topicId} ("${t.name}") in ${args.group_id}: ${JSON.stringify(change)} (REST modify_topic)`,
      }),
      request: () => ({
        api: "modify_topic",
        body: {
          GroupId: args.group_id,
          TopicId: args.topic_id,
          ...(args.name !== undefined ? { TopicName: args.name } : {}),
          ...(args.introduction !== undefined ? { Introduction: args.introduction } : {}),
          ...(args.notification !== undefined ? { Notification: args.notification } : {}),
          ...(args.face_url !== undefined ? { FaceUrl: args.face_url } : {}),
          ...(args.custom !== undefined ? { CustomString: args.custom } : {}),
          ...(args.mute_all !== undefined ? { MuteAllMember: args.mute_all ? "On" : "Off" } : {}),
        },
      }),
      async send() {
        await ctx.chat.updateTopic(args.group_id, args.topic_id, change, { signal: ctx.signal });
        return requireTopic(ctx, args.group_id, args.topic_id);
      },
    });
    const before = topicToOutput(r.facts);
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, before, confirm_token: r.token },
        text: `Dry run, nothing was sent. Now: ${topicLine(before)}\nWould send modify_topic ${JSON.stringify(r.wouldSend.body)}.\n${confirmLine(r.token)}`,
      };
    const after = topicToOutput(r.result);
    return {
      data: { group_id: args.group_id, dry_run: false, before, after },
      text: `Done.\nBefore: ${topicLine(before)}\nNow: ${topicLine(after)}`,
    };
  },
});
