import { z } from "zod";
import { defineTool } from "../define.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, DryRunParam, groupFacts, requireConfirmation } from "../shared/writes.js";

export default defineTool({
  name: "delete_member_messages",
  title: "Delete one sender's messages in a group",
  description:
    "Silently deletes the latest 1,000 messages one account sent in a group, e.g. a spammer's (REST delete_group_msg_by_sender). " +
    "No effect in AVChatRoom (live groups keep no history). Always needs the confirm_token of a dry run. Audited.",
  inputSchema: z
    .object({ group_id: GroupIdParam, account: AccountParam, dry_run: DryRunParam, confirm_token: ConfirmTokenParam })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    account: z.string(),
    dry_run: z.boolean(),
    done: z.boolean(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Delete one sender's messages in a group", true),
  async handler(args, ctx) {
    // Always confirmed: it removes up to 1,000 messages at once and cannot be undone.
    if (!args.dry_run)
      requireConfirmation(
        ctx,
        "delete_member_messages",
        args,
        1,
        0,
        "messages",
        "delete_member_messages always needs a confirm_token: it removes up to 1,000 messages at once and cannot be undone",
      );
    const facts = await groupFacts(ctx, args.group_id);
    const base = { group_id: args.group_id, account: args.account };
    const note =
      facts.type === "AVChatRoom"
        ? " This is a live group (AVChatRoom): it keeps no history, so this has no effect."
        : "";
    if (args.dry_run) {
      const token = ctx.confirm.issue("delete_member_messages", args);
      await ctx.audit({ tool: "delete_member_messages", group_id: args.group_id, dry_run: true, args, outcome: {} });
      return {
        data: { ...base, dry_run: true, done: false, confirm_token: token },
        text: `Dry run, nothing was sent. Would send delete_group_msg_by_sender ${JSON.stringify({ GroupId: args.group_id, Sender_Account: args.account })}: the latest 1,000 messages of ${args.account} would disappear from ${args.group_id} (${facts.type}).${note}\nTo do it, call again with the same arguments, dry_run false and confirm_token "${token}" (valid 10 minutes).`,
      };
    }
    await ctx.chat.deleteMessagesOf(args.group_id, args.account, { signal: ctx.signal });
    await ctx.audit({
      tool: "delete_member_messages",
      group_id: args.group_id,
      dry_run: false,
      args,
      outcome: { done: true },
    });
    return {
      data: { ...base, dry_run: false, done: true },
      text: `Deleted the latest messages (up to 1,000) of ${args.account} in ${args.group_id}.${note}`,
    };
  },
});
