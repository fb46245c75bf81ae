import { z } from "zod";
import { COUNTER_LIMITS } from "../../chat/apis/group-counter.js";
import { ChatInputError } from "../../chat/errors.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { refuseTopicCommunity } from "./group-refusals.js";
import { COUNTER_KEY_RULE } from "./params.js";

const MODE = { set: "Set", increase: "Increase", decrease: "Decrease" } as const;

export default defineTool({
  name: "update_group_counters",
  title: "Set, increase or decrease a group's counters",
  description:
    "Sets counters of a group, or adds to or takes from them (a missing key starts at 0; REST update_group_counter); " +
    "returns the new values. At most 20 keys a group; any type but a Community with topics. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      counters: z
        .record(z.string().min(1), z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER))
        .refine((c) => Object.keys(c).length > 0, "give at least one counter")
        .refine(
          (c) => Object.keys(c).every(COUNTER_KEY_RULE),
          `a counter key is at most ${COUNTER_LIMITS.keyBytes} bytes`,
        ),
      mode: z.enum(["set", "increase", "decrease"]),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    before: z.record(z.string(), z.number()),
    after: z.record(z.string(), z.number()).optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Set, increase or decrease a group's counters", false, false),
  async handler(args, ctx) {
    const keys = Object.keys(args.counters);
    const r = await runSingleWrite(ctx, {
      tool: "update_group_counters",
      groupId: args.group_id,
      args,
      async check() {
        await refuseTopicCommunity(ctx, args.group_id);
        const all = await ctx.chat.counters(args.group_id, undefined, { signal: ctx.signal });
        const total = new Set([...Object.keys(all), ...keys]).size;
        if (total > COUNTER_LIMITS.keys)
          throw new ChatInputError(
            "counters",
            `${args.group_id} would have ${total} counters; at most ${COUNTER_LIMITS.keys}.`,
            undefined,
            "Delete unused counters first (delete_group_counters).",
          );
        return Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]!]));
      },
      intent: (before) => ({
        kind: "none",
        count: 0,
        summary: `update_group_counters on ${args.group_id}: ${args.mode} ${JSON.stringify(args.counters)} (now ${JSON.stringify(before)}; REST update_group_counter)`,
      }),
      request: () => ({
        api: "update_group_counter",
        body: {
          GroupId: args.group_id,
          GroupCounter: Object.entries(args.counters).map(([Key, Value]) => ({ Key, Value })),
          Mode: MODE[args.mode],
        },
      }),
      send: () => ctx.chat.updateCounters(args.group_id, args.counters, MODE[args.mode], { signal: ctx.signal }),
    });
    const before = r.facts;
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, before, confirm_token: r.token },
        text: `Dry run, nothing was sent. Now: ${JSON.stringify(before)} (keys not listed are not set: they start at 0).\nWould send update_group_counter ${JSON.stringify(r.wouldSend.body)}.\n${confirmLine(r.token)}`,
      };
    return {
      data: { group_id: args.group_id, dry_run: false, before, after: r.result },
      text: `Done (${args.mode}). ${args.group_id} counters were ${JSON.stringify(before)}; now ${JSON.stringify(r.result)}.`,
    };
  },
});
