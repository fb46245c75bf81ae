import { z } from "zod";
import { mapConcurrent } from "../aggregate/pool.js";
import { asUpstreamFailure } from "../aggregate/upstream.js";
import { RECALL_PER_CALL } from "../chat/apis/group-msg-recall.js";
import { describeChatError } from "../chat/error-codes.js";
import { defineTool } from "./define.js";
import { GroupIdParam } from "./shared/params.js";
import { writeAnnotations } from "./shared/write-annotations.js";
import { ConfirmTokenParam, DryRunParam, groupFacts, requireConfirmation } from "./shared/writes.js";

const Outcome = z.object({
  seq: z.number(),
  outcome: z.enum(["recalled", "failed", "would_recall"]),
  code: z.number().optional(),
  meaning: z.string().optional(),
});

export default defineTool({
  name: "recall_messages",
  title: "Recall messages in a group",
  description:
    "Recalls up to 100 messages of a group of any type by sequence (REST group_msg_recall, 10 per request), with a per-message outcome. " +
    "In AVChatRoom only online members see it, for messages under an hour old. Above 10 messages a dry run's confirm_token is required. Audited.",
  toolset: "moderation",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      msg_seqs: z
        .array(z.number().int().min(1))
        .min(1)
        .max(100)
        .refine((s) => new Set(s).size === s.length, "each sequence may appear only once")
        .describe("Sequences from get_group_messages."),
      reason: z.string().max(200).optional(),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    recalled: z.number(),
    failed: z.number(),
    results: z.array(Outcome),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Recall messages in a group", true, false),
  async handler(args, ctx) {
    if (!args.dry_run)
      requireConfirmation(
        ctx,
        "recall_messages",
        args,
        args.msg_seqs.length,
        ctx.policy.confirmAbove.messages,
        "messages",
      );
    const facts = await groupFacts(ctx, args.group_id);
    const chunks: number[][] = [];
    for (let i = 0; i < args.msg_seqs.length; i += RECALL_PER_CALL)
      chunks.push(args.msg_seqs.slice(i, i + RECALL_PER_CALL));
    if (args.dry_run) {
      const data = {
        group_id: args.group_id,
        dry_run: true,
        recalled: 0,
        failed: 0,
        results: args.msg_seqs.map((seq) => ({ seq, outcome: "would_recall" as const })),
        confirm_token: ctx.confirm.issue("recall_messages", args),
      };
      await ctx.audit({
        tool: "recall_messages",
        group_id: args.group_id,
        dry_run: true,
        args,
        outcome: { requests: chunks.length },
      });
      return {
        data,
        text: `Dry run, nothing was sent. Would recall ${args.msg_seqs.length} messages of ${args.group_id} (${facts.type}) in ${chunks.length} group_msg_recall requests: #${args.msg_seqs.join(", #")}.\nTo do it, call again with the same arguments, dry_run false and confirm_token "${data.confirm_token}" (valid 10 minutes).`,
      };
    }
    const results: z.infer<typeof Outcome>[] = [];
    let firstError: unknown;
    await mapConcurrent(chunks, 2, async (chunk) => {
      try {
        const codes = await ctx.chat.recall(args.group_id, chunk, args.reason, { signal: ctx.signal });
        for (const seq of chunk) {
          const code = codes.get(seq) ?? 0;
          results.push(
            code === 0
              ? { seq, outcome: "recalled" }
              : { seq, outcome: "failed", code, meaning: describeChatError(code).meaning },
          );
        }
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        const f = asUpstreamFailure(err);
        if (!f) throw err;
        firstError ??= err;
        for (const seq of chunk)
          results.push({ seq, outcome: "failed", ...(f.code !== null ? { code: f.code } : {}), meaning: f.meaning });
      }
    });
    results.sort((a, b) => a.seq - b.seq);
    const recalled = results.filter((r) => r.outcome === "recalled").length;
    const failed = results.length - recalled;
    await ctx.audit({
      tool: "recall_messages",
      group_id: args.group_id,
      dry_run: false,
      args,
      outcome: {
        recalled,
        failed: results.filter((r) => r.outcome === "failed").map((r) => ({ seq: r.seq, code: r.code })),
      },
    });
    if (recalled === 0 && firstError) throw firstError;
    return {
      data: { group_id: args.group_id, dry_run: false, recalled, failed, results },
      text: [
        `Recalled ${recalled} of ${results.length} messages in ${args.group_id}.`,
        ...results
          .filter((r) => r.outcome === "failed")
          .map((r) => `#${r.seq} failed${r.code ? ` (${r.code})` : ""}: ${r.meaning}`),
      ].join("\n"),
    };
  },
});
