import { z } from "zod";
import { defineTool } from "../define.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";
import { requireTopic, TopicParam, topicPhrase, whereOf } from "../shared/topic.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { authorizeWrite } from "../shared/write-guard.js";
import { ConfirmTokenParam, confirmLine, DryRunParam, groupFacts } from "../shared/writes.js";

export default defineTool({
  name: "delete_member_messages",
  title: "Delete one sender's messages in a group",
  description:
    "Silently deletes the latest 1,000 messages one account sent in a group, e.g. a spammer's (REST delete_group_msg_by_sender). " +
    "No effect in AVChatRoom (live groups keep no history). Always needs the confirm_token of a dry run. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      topic_id: TopicParam.optional(),
      account: AccountParam,
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    topic_id: z.string().optional(),
    account: z.string(),
    dry_run: z.boolean(),
    done: z.boolean(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Delete one sender's messages in a group", true),
  async handler(args, ctx) {
    const topic = args.topic_id ? await requireTopic(ctx, args.group_id, args.topic_id) : undefined;
    const where = topicPhrase(topic);
    // Always confirmed: it removes up to 1,000 messages at once and cannot be undone.
    const permit = args.dry_run
      ? undefined
      : await authorizeWrite(ctx, {
          tool: "delete_member_messages",
          groupId: args.group_id,
          args,
          kind: "none",
          count: 1,
          always:
            "delete_member_messages always needs confirmation: it removes up to 1,000 messages at once and cannot be undone",
          summary: `delete_member_messages: silently delete the latest 1,000 messages of ${JSON.stringify(args.account)} in ${args.group_id}${where}`,
        });
    const facts = await groupFacts(ctx, args.group_id);
    const base = { group_id: args.group_id, ...(topic ? { topic_id: topic.topicId } : {}), account: args.account };
    const note =
      facts.type === "AVChatRoom"
        ? " This is a live group (AVChatRoom): it keeps no history, so this has no effect."
        : "";
    if (!permit) {
      const token = ctx.confirm.issue("delete_member_messages", args);
      await ctx.audit({
        tool: "delete_member_messages",
        group_id: args.group_id,
        status: "dry_run",
        dry_run: true,
        args,
        outcome: {},
      });
      return {
        data: { ...base, dry_run: true, done: false, confirm_token: token },
        text: `Dry run, nothing was sent. Would send delete_group_msg_by_sender ${JSON.stringify({ GroupId: args.group_id, ...(topic ? { TopicId: topic.topicId } : {}), Sender_Account: args.account })}: the latest 1,000 messages of ${quoteId(args.account)} would disappear from ${args.group_id} (${facts.type})${where}.${note}\n${confirmLine(token)}`,
      };
    }
    await permit.commit();
    await ctx.chat.deleteMessagesOf(whereOf(args.group_id, topic), args.account, { signal: ctx.signal });
    await ctx.audit({
      tool: "delete_member_messages",
      group_id: args.group_id,
      status: "done",
      dry_run: false,
      args,
      outcome: { done: true },
    });
    return {
      data: { ...base, dry_run: false, done: true },
      text: `Deleted the latest messages (up to 1,000) of ${quoteId(args.account)} in ${args.group_id}${where}.${note}`,
    };
  },
});
