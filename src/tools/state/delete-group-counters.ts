import { z } from "zod";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { refuseTopicCommunity } from "./group-refusals.js";
import { CounterKeysParam } from "./params.js";

export default defineTool({
  name: "delete_group_counters",
  title: "Delete a group's counters",
  description:
    "Deletes counters of a group of any type but a Community with topics, by key (REST delete_group_counter); the dry " +
    "run shows their values. Audited.",
  inputSchema: z
    .object({ group_id: GroupIdParam, keys: CounterKeysParam, dry_run: DryRunParam, confirm_token: ConfirmTokenParam })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    deleted: z.record(z.string(), z.number()),
    not_set: z.array(z.string()),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Delete a group's counters", true),
  async handler(args, ctx) {
    const r = await runSingleWrite(ctx, {
      tool: "delete_group_counters",
      groupId: args.group_id,
      args,
      async check() {
        await refuseTopicCommunity(ctx, args.group_id);
        return ctx.chat.counters(args.group_id, args.keys, { signal: ctx.signal });
      },
      intent: (values) => ({
        kind: "none",
        count: 0,
        summary: `delete_group_counters on ${args.group_id}: ${JSON.stringify(values)} (REST delete_group_counter)`,
      }),
      request: () => ({ api: "delete_group_counter", body: { GroupId: args.group_id, GroupCounterKeys: args.keys } }),
      send: () => ctx.chat.deleteCounters(args.group_id, args.keys, { signal: ctx.signal }),
    });
    const deleted = r.facts;
    const notSet = args.keys.filter((k) => !(k in deleted));
    const tail = notSet.length
      ? ` Not set (nothing to delete): ${notSet.map((k) => JSON.stringify(k)).join(", ")}.`
      : "";
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, deleted, not_set: notSet, confirm_token: r.token },
        text: `Dry run, nothing was sent. Would delete ${JSON.stringify(deleted)} from ${args.group_id} with delete_group_counter ${JSON.stringify(r.wouldSend.body)}.${tail}\n${confirmLine(r.token)}`,
      };
    return {
      data: { group_id: args.group_id, dry_run: false, deleted, not_set: notSet },
      text: `Deleted ${JSON.stringify(deleted)} from ${args.group_id}.${tail}`,
    };
  },
});
