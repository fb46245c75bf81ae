import { z } from "zod";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam, groupFacts } from "../shared/writes.js";

export default defineTool({
  name: "dismiss_group",
  title: "Dismiss a group",
  description:
    "Dismisses a group of any type for good (REST destroy_group): every API then answers 10010 for it. Always " +
    "confirmed: the dry run shows its name, type and member count. Audited.",
  inputSchema: z.object({ group_id: GroupIdParam, dry_run: DryRunParam, confirm_token: ConfirmTokenParam }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    name: z.string(),
    type: z.string(),
    member_count: z.number().optional(),
    gone: z.boolean().optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Dismiss a group", true, false),
  async handler(args, ctx) {
    const r = await runSingleWrite(ctx, {
      tool: "dismiss_group",
      groupId: args.group_id,
      args,
      check: () => groupFacts(ctx, args.group_id),
      intent: (f) => ({
        kind: "none",
        count: 0,
        always: "dismissing a group cannot be undone",
        summary: `dismiss_group: ${args.group_id} ("${f.name}", ${f.type}${f.memberNum !== undefined ? `, ${f.memberNum} members` : ""}) (REST destroy_group)`,
      }),
      request: () => ({ api: "destroy_group", body: { GroupId: args.group_id } }),
      async send() {
        await ctx.chat.dismiss(args.group_id, { signal: ctx.signal });
        // Read back: a dismissed group answers 10010.
        const after = await ctx.chat.profiles([args.group_id], { baseFields: ["Type"] }, { signal: ctx.signal });
        return { gone: after.errors[0]?.ErrorCode === 10010 };
      },
    });
    const f = r.facts;
    const base = {
      group_id: args.group_id,
      name: f.name,
      type: f.type,
      ...(f.memberNum !== undefined ? { member_count: f.memberNum } : {}),
    };
    const what = `${args.group_id} ("${f.name}", ${f.type}${f.memberNum !== undefined ? `, ${f.memberNum} members` : ""})`;
    if (r.dryRun)
      return {
        data: { ...base, dry_run: true, confirm_token: r.token },
        text: `Dry run, nothing was sent. Would dismiss ${what} for good with destroy_group ${JSON.stringify(r.wouldSend.body)}.\n${confirmLine(r.token)}`,
      };
    return {
      data: { ...base, dry_run: false, gone: r.result.gone },
      text: `Dismissed ${what}.${r.result.gone ? " get_group_info now answers 10010 for it." : " get_group_info still answers for it: check again shortly."}`,
    };
  },
});
