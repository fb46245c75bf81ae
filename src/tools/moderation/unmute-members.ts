import { z } from "zod";
import { MUTE_PER_CALL } from "../../chat/apis/forbid-send-msg.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { requireTopic, TopicParam, topicPhrase, whereOf } from "../shared/topic.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { AccountWriteOut, accountWriteText, DryRunParam, runAccountWrite } from "../shared/writes.js";
import { AccountsParam, refuseWorkGroups } from "./mute-members.js";

export default defineTool({
  name: "unmute_members",
  title: "Unmute members of a group",
  description:
    "Lifts the mute of up to 1,000 accounts of a Public, ChatRoom (Meeting), AVChatRoom or Community group (REST forbid_send_msg with 0). " +
    "Needs no confirmation. Who is muted: get_muted_members. Audited.",
  inputSchema: z
    .object({ group_id: GroupIdParam, topic_id: TopicParam.optional(), accounts: AccountsParam, dry_run: DryRunParam })
    .strict(),
  outputSchema: AccountWriteOut,
  annotations: writeAnnotations("Unmute members of a group", false),
  async handler(args, ctx) {
    // A topic's mutes are its own: the group and its other topics keep theirs.
    const topic = args.topic_id ? await requireTopic(ctx, args.group_id, args.topic_id) : undefined;
    const r = await runAccountWrite(
      ctx,
      {
        tool: "unmute_members",
        api: "forbid_send_msg",
        chunk: MUTE_PER_CALL,
        refuseType: refuseWorkGroups,
        membersOnly: false,
        confirm: false,
        body: (c) => ({
          GroupId: args.group_id,
          ...(topic ? { TopicId: topic.topicId } : {}),
          Members_Account: c,
          MuteTime: 0,
        }),
        send: (c) => ctx.chat.mute(whereOf(args.group_id, topic), c, 0, { signal: ctx.signal }),
      },
      args,
    );
    return {
      data: { ...r, ...(topic ? { topic_id: topic.topicId } : {}) },
      text: accountWriteText(`unmute${topicPhrase(topic)}`, r),
    };
  },
});
