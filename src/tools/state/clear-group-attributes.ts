import { z } from "zod";
import { ChatInputError } from "../../chat/errors.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam, groupFacts } from "../shared/writes.js";

export default defineTool({
  name: "clear_group_attributes",
  title: "Clear a group's attributes",
  description:
    "Removes every attribute of a group of any type but Community (REST clear_group_attr). Always confirmed: " +
    "the dry run shows what would go. Audited.",
  inputSchema: z.object({ group_id: GroupIdParam, dry_run: DryRunParam, confirm_token: ConfirmTokenParam }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    before: z.record(z.string(), z.string()),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Clear a group's attributes", true),
  async handler(args, ctx) {
    const r = await runSingleWrite(ctx, {
      tool: "clear_group_attributes",
      groupId: args.group_id,
      args,
      async check() {
        const { type } = await groupFacts(ctx, args.group_id);
        if (type === "Community")
          throw new ChatInputError(
            "group_id",
            "clear_group_attr does not serve Communities (its page).",
            undefined,
            "Replace them instead: set_group_attributes with replace_all and the ones to keep.",
          );
        return ctx.chat.attributes(args.group_id, { signal: ctx.signal });
      },
      intent: (before) => ({
        kind: "none",
        count: 0,
        always: "clearing removes every attribute at once",
        summary: `clear_group_attributes on ${args.group_id}: ${Object.keys(before).length} attributes would go: ${JSON.stringify(before)} (REST clear_group_attr)`,
      }),
      request: () => ({ api: "clear_group_attr", body: { GroupId: args.group_id } }),
      send: () => ctx.chat.clearAttributes(args.group_id, { signal: ctx.signal }),
    });
    const before = r.facts;
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, before, confirm_token: r.token },
        text: `Dry run, nothing was sent. Would remove all ${Object.keys(before).length} attributes of ${args.group_id}: ${JSON.stringify(before)}.\n${confirmLine(r.token)}`,
      };
    return {
      data: { group_id: args.group_id, dry_run: false, before },
      text: `Cleared the attributes of ${args.group_id} (were ${JSON.stringify(before)}).`,
    };
  },
});
