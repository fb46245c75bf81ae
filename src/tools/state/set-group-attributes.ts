import { z } from "zod";
import { ChatInputError } from "../../chat/errors.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { AttributesParam, attributeSetProblem } from "./params.js";

export default defineTool({
  name: "set_group_attributes",
  title: "Set a group's attributes",
  description:
    "Sets attributes of a group of any type, merged into the others (REST modify_group_attr) or, with replace_all, instead of " +
    "them all (set_group_attr); the dry run shows the resulting set. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      attributes: AttributesParam,
      replace_all: z.boolean().default(false),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    before: z.record(z.string(), z.string()),
    after: z.record(z.string(), z.string()),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Set a group's attributes", false),
  async handler(args, ctx) {
    const api = args.replace_all ? "set_group_attr" : "modify_group_attr";
    const r = await runSingleWrite(ctx, {
      tool: "set_group_attributes",
      groupId: args.group_id,
      args,
      async check() {
        const before = await ctx.chat.attributes(args.group_id, { signal: ctx.signal });
        const after = args.replace_all ? { ...args.attributes } : { ...before, ...args.attributes };
        const problem = attributeSetProblem(after);
        if (problem)
          throw new ChatInputError(
            "attributes",
            `${args.group_id}: ${problem}.`,
            undefined,
            args.replace_all
              ? "Send fewer or shorter attributes."
              : "Clear some first (clear_group_attributes, or replace_all with the ones to keep).",
          );
        return { before, after };
      },
      intent: () => ({
        kind: "none",
        count: 0,
        always: args.replace_all ? "replace_all drops every attribute not given" : undefined,
        summary: `set_group_attributes on ${args.group_id}${args.replace_all ? " (replacing all)" : ""}: ${JSON.stringify(args.attributes)} (REST ${api})`,
      }),
      request: () => ({
        api,
        body: {
          GroupId: args.group_id,
          GroupAttr: Object.entries(args.attributes).map(([key, value]) => ({ key, value })),
        },
      }),
      async send() {
        await ctx.chat.setAttributes(args.group_id, args.attributes, args.replace_all ? "replace" : "merge", {
          signal: ctx.signal,
        });
        return ctx.chat.attributes(args.group_id, { signal: ctx.signal });
      },
    });
    const { before } = r.facts;
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, before, after: r.facts.after, confirm_token: r.token },
        text: `Dry run, nothing was sent. Now: ${JSON.stringify(before)}\nWould send ${api} ${JSON.stringify(r.wouldSend.body)}; the attributes would be ${JSON.stringify(r.facts.after)}.\n${confirmLine(r.token)}`,
      };
    return {
      data: { group_id: args.group_id, dry_run: false, before, after: r.result },
      text: `Done. ${args.group_id}'s attributes were ${JSON.stringify(before)}; now ${JSON.stringify(r.result)}.`,
    };
  },
});
