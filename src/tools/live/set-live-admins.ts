import { z } from "zod";
import { LIVE_ADMINS_MAX } from "../../chat/apis/live-admins.js";
import { ChatInputError } from "../../chat/errors.js";
import { defineTool } from "../define.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { quoteIds } from "../shared/quote.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam, groupFacts } from "../shared/writes.js";

export default defineTool({
  name: "set_live_admins",
  title: "Add or remove a live group's admins",
  description:
    `Makes accounts admins of an AVChatRoom (live group), or stops them being admins (REST modify_admin); at most ${LIVE_ADMINS_MAX} ` +
    "admins, online or not. Other types: update_member. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      action: z.enum(["add", "remove"]),
      accounts: z
        .array(AccountParam)
        .min(1)
        .max(LIVE_ADMINS_MAX)
        .refine((a) => new Set(a).size === a.length, "each account may appear only once"),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    before: z.array(z.string()),
    after: z.array(z.string()),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Add or remove a live group's admins", false),
  async handler(args, ctx) {
    const r = await runSingleWrite(ctx, {
      tool: "set_live_admins",
      groupId: args.group_id,
      args,
      async check() {
        const facts = await groupFacts(ctx, args.group_id);
        if (facts.type !== "AVChatRoom")
          throw new ChatInputError(
            "group_id",
            `${args.group_id} is a ${facts.type} group: this admin list is for live groups (AVChatRoom).`,
            undefined,
            "Use update_member with role Admin or Member.",
          );
        const before = (await ctx.chat.liveAdmins(args.group_id, { signal: ctx.signal })).map((a) => a.account);
        const after = new Set(before);
        for (const a of args.accounts) args.action === "add" ? after.add(a) : after.delete(a);
        if (after.size > LIVE_ADMINS_MAX)
          throw new ChatInputError(
            "accounts",
            `${args.group_id} would have ${after.size} admins; a live group has at most ${LIVE_ADMINS_MAX} (now: ${quoteIds(before) || "none"}).`,
            undefined,
            "Remove admins first (action remove), then add.",
          );
        return { before, expected: [...after] };
      },
      intent: (f) => ({
        kind: "accounts",
        count: args.accounts.length,
        summary: `set_live_admins: ${args.action} ${quoteIds(args.accounts)} in ${args.group_id} (now ${quoteIds(f.before) || "none"}) (REST modify_admin)`,
      }),
      request: () => ({
        api: "modify_admin",
        body: { GroupId: args.group_id, CommandType: args.action === "add" ? 1 : 2, Admin_Account: args.accounts },
      }),
      async send() {
        await ctx.chat.setLiveAdmins(args.group_id, args.action, args.accounts, { signal: ctx.signal });
        return (await ctx.chat.liveAdmins(args.group_id, { signal: ctx.signal })).map((a) => a.account);
      },
    });
    const before = r.facts.before;
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, before, after: r.facts.expected, confirm_token: r.token },
        text: `Dry run, nothing was sent. Admins now: ${quoteIds(before) || "none"}; after: ${quoteIds(r.facts.expected) || "none"}.\nWould send modify_admin ${JSON.stringify(r.wouldSend.body)}.\n${confirmLine(r.token)}`,
      };
    return {
      data: { group_id: args.group_id, dry_run: false, before, after: r.result },
      text: `Done. Admins of ${args.group_id} were ${quoteIds(before) || "none"}; now ${quoteIds(r.result) || "none"}.`,
    };
  },
});
