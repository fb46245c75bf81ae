import { z } from "zod";
import { ChatInputError } from "../../chat/errors.js";
import { defineTool } from "../define.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam, groupFacts } from "../shared/writes.js";

export default defineTool({
  name: "transfer_ownership",
  title: "Hand a group to a new owner",
  description:
    "Makes a member the owner of a group of any type but AVChatRoom (REST change_group_owner); the old owner stays a " +
    "member. Always confirmed: a dry run checks the new owner is a member. Audited.",
  inputSchema: z
    .object({ group_id: GroupIdParam, new_owner: AccountParam, dry_run: DryRunParam, confirm_token: ConfirmTokenParam })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    old_owner: z.string(),
    new_owner: z.string(),
    owner_now: z.string().optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Hand a group to a new owner", false),
  async handler(args, ctx) {
    const r = await runSingleWrite(ctx, {
      tool: "transfer_ownership",
      groupId: args.group_id,
      args,
      async check() {
        const facts = await groupFacts(ctx, args.group_id);
        if (facts.type === "AVChatRoom")
          throw new ChatInputError(
            "group_id",
            `${args.group_id} is a live group (AVChatRoom): its owner cannot change.`,
            undefined,
            "Give the live group admins instead (set_live_admins).",
          );
        if (facts.owner === args.new_owner)
          throw new ChatInputError("new_owner", `${quoteId(args.new_owner)} already owns ${args.group_id}.`);
        const [role] = await ctx.chat.roles(args.group_id, [args.new_owner], { signal: ctx.signal });
        if (!role || role.role === "NotMember")
          throw new ChatInputError(
            "new_owner",
            `${quoteId(args.new_owner)} is not a member of ${args.group_id}: only a member can become its owner.`,
            undefined,
            "Add the account first (add_members), then hand the group over.",
          );
        return { ...facts, newOwnerRole: role.role };
      },
      intent: (f) => ({
        kind: "none",
        count: 0,
        always: "a new owner takes the group's highest powers",
        summary: `transfer_ownership: ${args.group_id} ("${f.name}") from ${quoteId(f.owner || "(no owner)")} to ${quoteId(args.new_owner)} (REST change_group_owner)`,
      }),
      request: () => ({
        api: "change_group_owner",
        body: { GroupId: args.group_id, NewOwner_Account: args.new_owner },
      }),
      async send() {
        await ctx.chat.changeOwner(args.group_id, args.new_owner, { signal: ctx.signal });
        return { ownerNow: (await groupFacts(ctx, args.group_id)).owner };
      },
    });
    const base = { group_id: args.group_id, old_owner: r.facts.owner, new_owner: args.new_owner };
    const from = r.facts.owner ? `owner ${quoteId(r.facts.owner)}` : "no owner";
    if (r.dryRun)
      return {
        data: { ...base, dry_run: true, confirm_token: r.token },
        text: `Dry run, nothing was sent. ${args.group_id} ("${r.facts.name}", ${r.facts.type}) has ${from}; ${quoteId(args.new_owner)} is a member (${r.facts.newOwnerRole}).\nWould send change_group_owner ${JSON.stringify(r.wouldSend.body)}; the old owner stays a member.\n${confirmLine(r.token)}`,
      };
    return {
      data: { ...base, dry_run: false, owner_now: r.result.ownerNow },
      text: `Done: ${args.group_id} had ${from}; its owner is now ${quoteId(r.result.ownerNow)}.`,
    };
  },
});
