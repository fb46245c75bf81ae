import { z } from "zod";
import { chunksOf, mapConcurrent } from "../../aggregate/pool.js";
import { asUpstreamFailure } from "../../aggregate/upstream.js";
import { MESSAGES_PER_CALL } from "../../chat/apis/group-msg-get-simple.js";
import { RECALL_PER_CALL } from "../../chat/apis/group-msg-recall.js";
import { describeChatError } from "../../chat/error-codes.js";
import { defineTool, type ToolContext } from "../define.js";
import { MessageOut, type MessageOutput, messageLine, messageToOutput } from "../shared/messages.js";
import { GroupIdParam } from "../shared/params.js";
import { requireTopic, TopicParam, topicPhrase, whereOf } from "../shared/topic.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { authorizeWrite } from "../shared/write-guard.js";
import { auditInterrupted, ConfirmTokenParam, confirmLine, DryRunParam, groupFacts } from "../shared/writes.js";

const Outcome = z.object({
  seq: z.number(),
  outcome: z.enum(["recalled", "failed", "would_recall", "not_found"]),
  code: z.number().optional(),
  meaning: z.string().optional(),
  message: MessageOut.optional().describe("Dry run: the message it would recall."),
});

// A dry run reads back at most this many history pages (400 messages) to show what it would recall.
const PREVIEW_PAGES = 20;

/** The messages at these sequences, read from the history (live groups keep none). */
async function previewMessages(
  ctx: ToolContext,
  groupId: string,
  topicId: string | undefined,
  seqs: readonly number[],
): Promise<Map<number, MessageOutput>> {
  const wanted = new Set(seqs);
  const found = new Map<number, MessageOutput>();
  let upTo = Math.max(...seqs);
  const lowest = Math.min(...seqs);
  for (let page = 0; page < PREVIEW_PAGES && found.size < wanted.size && upTo >= lowest; page++) {
    const res = await ctx.chat.messagesPage(
      { groupId, topicId, count: MESSAGES_PER_CALL, upToSeq: upTo, withRecalled: true },
      { signal: ctx.signal },
    );
    for (const m of res.messages) if (wanted.has(m.MsgSeq)) found.set(m.MsgSeq, messageToOutput(m));
    const oldest = res.messages.at(-1)?.MsgSeq;
    if (res.finished || oldest === undefined) break;
    upTo = oldest - 1;
  }
  return found;
}

export default defineTool({
  name: "recall_messages",
  title: "Recall messages in a group",
  description:
    "Recalls up to 100 messages of a group of any type by sequence (REST group_msg_recall, 10 per request), with a per-message outcome. " +
    "In AVChatRoom only online members see it, for messages under an hour old. Over 10 messages needs a dry run's confirm_token. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      topic_id: TopicParam.optional(),
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
    topic_id: z.string().optional(),
    dry_run: z.boolean(),
    recalled: z.number(),
    failed: z.number(),
    results: z.array(Outcome),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Recall messages in a group", true, false),
  async handler(args, ctx) {
    // A topic's history is its own: its sequences are not the group's.
    const topic = args.topic_id ? await requireTopic(ctx, args.group_id, args.topic_id) : undefined;
    const where = topicPhrase(topic);
    const topicField = topic ? { topic_id: topic.topicId } : {};
    const permit = args.dry_run
      ? undefined
      : await authorizeWrite(ctx, {
          tool: "recall_messages",
          groupId: args.group_id,
          args,
          kind: "messages",
          count: args.msg_seqs.length,
          summary: `recall_messages: recall ${args.msg_seqs.length} messages of ${args.group_id}${where} (sequences ${args.msg_seqs.join(", ")})${args.reason ? `, reason ${JSON.stringify(args.reason)}` : ""}`,
        });
    const facts = await groupFacts(ctx, args.group_id);
    const chunks = chunksOf(args.msg_seqs, RECALL_PER_CALL);
    if (!permit) {
      // What each sequence is: the message (already recalled ones are said to be), or not in the history.
      const seen =
        facts.type === "AVChatRoom"
          ? new Map<number, MessageOutput>()
          : await previewMessages(ctx, args.group_id, topic?.topicId, args.msg_seqs);
      const results: z.infer<typeof Outcome>[] = args.msg_seqs.map((seq) => {
        const m = seen.get(seq);
        if (facts.type === "AVChatRoom") return { seq, outcome: "would_recall" };
        if (!m)
          return { seq, outcome: "not_found", meaning: `not in the ${topic ? "topic's" : "group's"} recent history` };
        if (m.recalled) return { seq, outcome: "not_found", meaning: "already recalled or deleted", message: m };
        return { seq, outcome: "would_recall", message: m };
      });
      const data = {
        group_id: args.group_id,
        ...topicField,
        dry_run: true,
        recalled: 0,
        failed: 0,
        results,
        confirm_token: ctx.confirm.issue("recall_messages", args),
      };
      await ctx.audit({
        tool: "recall_messages",
        group_id: args.group_id,
        status: "dry_run",
        dry_run: true,
        args,
        outcome: { requests: chunks.length },
      });
      return {
        data,
        text: [
          `Dry run, nothing was sent. Would send ${chunks.length} group_msg_recall requests for ${args.msg_seqs.length} messages of ${args.group_id} (${facts.type})${where}:`,
          ...results.map((r) =>
            r.message && r.outcome === "would_recall"
              ? messageLine(r.message)
              : `#${r.seq}: ${r.meaning ?? "a live group keeps no history to show"}`,
          ),
          confirmLine(data.confirm_token),
        ].join("\n"),
      };
    }
    await permit.commit();
    const results: z.infer<typeof Outcome>[] = [];
    const sent: number[][] = [];
    let firstError: unknown;
    const recordInterruption = (err: unknown) =>
      auditInterrupted(
        ctx,
        { tool: "recall_messages", groupId: args.group_id, args },
        {
          recalled: results.filter((r) => r.outcome === "recalled").map((r) => r.seq),
          sent_outcome_unknown: sent.flat().filter((seq) => !results.some((r) => r.seq === seq)),
        },
        err,
      );
    await mapConcurrent(chunks, 2, async (chunk) => {
      // A cancelled call sends no further chunk.
      if (ctx.signal.aborted) return;
      sent.push(chunk);
      try {
        const codes = await ctx.chat.recall(whereOf(args.group_id, topic), chunk, args.reason, { signal: ctx.signal });
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
    }).catch(async (err: unknown) => {
      await recordInterruption(err);
      throw err;
    });
    if (ctx.signal.aborted) {
      await recordInterruption(ctx.signal.reason);
      throw ctx.signal.reason ?? new Error("cancelled");
    }
    results.sort((a, b) => a.seq - b.seq);
    const recalled = results.filter((r) => r.outcome === "recalled").length;
    const failed = results.length - recalled;
    await ctx.audit({
      tool: "recall_messages",
      group_id: args.group_id,
      status: failed === 0 ? "done" : recalled > 0 ? "partial" : "failed",
      dry_run: false,
      args,
      outcome: {
        recalled,
        failed: results.filter((r) => r.outcome === "failed").map((r) => ({ seq: r.seq, code: r.code })),
      },
    });
    if (recalled === 0 && firstError) throw firstError;
    return {
      data: { group_id: args.group_id, ...topicField, dry_run: false, recalled, failed, results },
      text: [
        `Recalled ${recalled} of ${results.length} messages in ${args.group_id}${where}.`,
        ...results
          .filter((r) => r.outcome === "failed")
          .map((r) => `#${r.seq} failed${r.code ? ` (${r.code})` : ""}: ${r.meaning}`),
      ].join("\n"),
    };
  },
});
