import { z } from "zod";
import { preflightMarks } from "../../aggregate/marks-preflight.js";
import { isCustomMark, MARK_RULES } from "../../chat/marks.js";
import { defineTool } from "../define.js";
import { DryRunChecksOut, dryRunChecks, dryRunText } from "../shared/dry-run.js";
import { AccountParam, GroupIdParam, MarkParam } from "../shared/params.js";
import { quoteId, quoteIds } from "../shared/quote.js";
import { authorizeWrite } from "../shared/write-guard.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";

export const MARKS_DOC =
  "Marks: >= 1000 (at most 10 distinct per group, 1,000 members each), 500 = always online for 3 days, 600 = hidden from online " +
  "lists. Only online members can be marked (except 500): others are left out. Marks end when a member goes offline.";

export default defineTool({
  name: "set_member_marks",
  title: "Set or delete member marks in a live group",
  description:
    "Sets or deletes marks on up to 500 members of an AVChatRoom (live group; REST modify_user_info). " +
    `${MARKS_DOC} dry_run previews; above the confirmation threshold (20) a dry run's confirm_token is needed. Audited. More than 500 accounts: set_member_marks_bulk.`,
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      action: z.enum(["set", "delete"]),
      members: z
        .array(z.object({ account: AccountParam, marks: z.array(MarkParam).min(1).max(10) }).strict())
        .min(1)
        .max(MARK_RULES.maxAccountsPerCall)
        .refine((list) => new Set(list.map((m) => m.account)).size === list.length, "each account may appear only once")
        .refine(
          (list) => new Set(list.flatMap((m) => m.marks).filter(isCustomMark)).size <= MARK_RULES.maxDistinctPerGroup,
          "at most 10 distinct marks (>= 1000) per group",
        ),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    action: z.enum(["set", "delete"]),
    dry_run: z.boolean(),
    confirm_token: z.string().optional(),
    requested: z.number(),
    marked: z.array(z.object({ account: z.string(), marks: z.array(z.number()) })),
    left_out: z.array(z.string()),
    attempts: z.number(),
    checks: DryRunChecksOut.optional(),
  }),
  annotations: {
    title: "Set or delete member marks in a live group",
    readOnlyHint: false,
    // action "delete" removes marks (and "set" can change who is hidden from online lists): ask first.
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  async handler(args, ctx) {
    const base = { group_id: args.group_id, action: args.action, requested: args.members.length };
    const permit = args.dry_run
      ? undefined
      : await authorizeWrite(ctx, {
          tool: "set_member_marks",
          groupId: args.group_id,
          args,
          kind: "accounts",
          count: args.members.length,
          summary: `set_member_marks: ${args.action} marks on ${args.members.length} members of ${args.group_id}: ${args.members.map((m) => `${quoteId(m.account)} ${JSON.stringify(m.marks)}`).join(", ")}`,
        });
    const request = {
      GroupId: args.group_id,
      CommandType: args.action === "set" ? 1 : 2,
      // Duplicate marks in one list ([1000, 1000]) are sent once.
      MemberList: args.members.map((m) => ({ Member_Account: m.account, Marks: [...new Set(m.marks)] })),
    } as const;
    if (!permit) {
      const pre = await preflightMarks(
        ctx.chat,
        args.group_id,
        args.members.map((m) => m.account),
        args.members.flatMap((m) => m.marks),
        ctx.signal,
      );
      const checks = dryRunChecks(pre);
      const token = ctx.confirm.issue("set_member_marks", args);
      await ctx.audit({
        tool: "set_member_marks",
        group_id: args.group_id,
        status: "dry_run",
        dry_run: true,
        args,
        outcome: { would_succeed: checks.would_succeed, not_online: pre.notOnline },
      });
      return {
        data: {
          ...base,
          dry_run: true,
          marked: [],
          left_out: pre.notOnline,
          attempts: 0,
          checks,
          confirm_token: token,
        },
        text: `${dryRunText(`modify_user_info ${JSON.stringify(request)}`, pre)}\n${confirmLine(token)}`,
      };
    }
    await permit.commit();
    const res = await ctx.chat.changeMarks(args.group_id, args.action, args.members, { signal: ctx.signal });
    const applied = new Set(res.applied.map((m) => m.account));
    const leftOut = args.members.map((m) => m.account).filter((a) => !applied.has(a));
    const marked = res.applied;
    await ctx.audit({
      tool: "set_member_marks",
      group_id: args.group_id,
      status: "done",
      dry_run: false,
      args,
      outcome: { marked: marked.map((m) => m.account), left_out: leftOut, attempts: res.attempts },
    });
    return {
      data: { ...base, dry_run: false, marked, left_out: leftOut, attempts: res.attempts },
      text:
        `${args.action === "set" ? "Set" : "Deleted"} marks on ${marked.length} of ${args.members.length} accounts in ${args.group_id}.` +
        (leftOut.length ? ` Left out (offline or unknown): ${quoteIds(leftOut)}.` : ""),
    };
  },
});
