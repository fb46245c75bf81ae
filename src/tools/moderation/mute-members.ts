import { z } from "zod";
import { MUTE_FOREVER, MUTE_PER_CALL } from "../../chat/apis/forbid-send-msg.js";
import { defineTool } from "../define.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { requireTopic, TopicParam, topicPhrase, whereOf } from "../shared/topic.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import {
  AccountWriteOut,
  accountWriteText,
  ConfirmTokenParam,
  DryRunParam,
  runAccountWrite,
} from "../shared/writes.js";

export const AccountsParam = z
  .array(AccountParam)
  .min(1)
  .max(1000)
  .refine((a) => new Set(a).size === a.length, "each account may appear only once");

/** Work (Private) groups cannot mute: said before anything is sent. */
export function refuseWorkGroups(type: string) {
  return type === "Private"
    ? {
        message: "Work (Private) groups cannot mute members (forbid_send_msg does not serve them).",
        nextStep: "Remove the member with remove_members, or mute the whole group with set_mute_all.",
      }
    : undefined;
}

export default defineTool({
  name: "mute_members",
  title: "Mute members of a group",
  description:
    "Mutes up to 1,000 accounts of a Public, ChatRoom (Meeting), AVChatRoom or Community group for a duration or forever (REST forbid_send_msg, " +
    "500 per request); not Work (Private) groups. Non-members are left out. Over 20 accounts needs a dry run's confirm_token. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      topic_id: TopicParam.optional(),
      accounts: AccountsParam,
      duration_seconds: z.union([
        z
          .number()
          .int()
          .min(1)
          .max(MUTE_FOREVER - 1),
        z.literal("forever"),
      ]),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: AccountWriteOut,
  annotations: writeAnnotations("Mute members of a group", false),
  async handler(args, ctx) {
    // A topic's mutes are its own: the group and its other topics keep theirs.
    const topic = args.topic_id ? await requireTopic(ctx, args.group_id, args.topic_id) : undefined;
    const seconds = args.duration_seconds === "forever" ? MUTE_FOREVER : args.duration_seconds;
    const r = await runAccountWrite(
      ctx,
      {
        tool: "mute_members",
        api: "forbid_send_msg",
        chunk: MUTE_PER_CALL,
        refuseType: refuseWorkGroups,
        membersOnly: true,
        protectOwner: "the owner cannot be muted",
        confirm: true,
        body: (c) => ({
          GroupId: args.group_id,
          ...(topic ? { TopicId: topic.topicId } : {}),
          Members_Account: c,
          MuteTime: seconds,
        }),
        send: (c) => ctx.chat.mute(whereOf(args.group_id, topic), c, seconds, { signal: ctx.signal }),
      },
      args,
    );
    const how = args.duration_seconds === "forever" ? "for ever" : `for ${args.duration_seconds} s`;
    return {
      data: { ...r, ...(topic ? { topic_id: topic.topicId } : {}) },
      text: accountWriteText(`mute (${how})${topicPhrase(topic)}`, r),
    };
  },
});
