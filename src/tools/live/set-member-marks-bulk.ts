import { z } from "zod";
import { preflightMarks } from "../../aggregate/marks-preflight.js";
import { chunksOf, mapConcurrent } from "../../aggregate/pool.js";
import { asUpstreamFailure } from "../../aggregate/upstream.js";
import { describeFailure } from "../../chat/error-codes.js";
import { ChatApiError } from "../../chat/errors.js";
import { MARK_RULES } from "../../chat/marks.js";
import { defineTool } from "../define.js";
import { DryRunChecksOut, dryRunChecks, dryRunText } from "../shared/dry-run.js";
import { AccountParam, GroupIdParam, MarkParam } from "../shared/params.js";
import { quoteIds } from "../shared/quote.js";
import { authorizeWrite } from "../shared/write-guard.js";
import { auditInterrupted, ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { MARKS_DOC } from "./set-member-marks.js";

const CHUNK = MARK_RULES.maxAccountsPerCall;
const LIST_CAP = 100;

const ChunkOut = z.object({
  index: z.number(),
  accounts: z.number(),
  marked: z.number(),
  left_out: z.number(),
  failed: z.number(),
  attempts: z.number(),
  error: z.string().optional(),
  retryable: z.boolean().optional(),
});

const NAME = "set_member_marks_bulk";

export default defineTool({
  name: "set_member_marks_bulk",
  title: "Set or delete marks on many live-group members",
  description:
    "Sets the same marks on up to 1,000 members (each mark holds at most 1,000), or deletes them from up to 10,000, of an " +
    "AVChatRoom (live group), in chunks of 500 (REST modify_user_info). " +
    `${MARKS_DOC} Reports marked, left out and failed accounts per chunk; a failed chunk never stops the others. dry_run previews.`,
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      action: z.enum(["set", "delete"]),
      marks: z.array(MarkParam).min(1).max(10),
      accounts: z
        .array(AccountParam)
        .min(1)
        .max(10_000)
        .refine((a) => new Set(a).size === a.length, "each account may appear only once"),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict()
    // One mark holds at most 1,000 members: a bigger "set" would fail from its third chunk on.
    .refine((a) => a.action !== "set" || a.accounts.length <= MARK_RULES.maxMembersPerMark, {
      message: `"set" puts the same marks on every account, and a mark holds at most ${MARK_RULES.maxMembersPerMark} members: pass at most ${MARK_RULES.maxMembersPerMark} accounts (delete takes up to 10,000)`,
      path: ["accounts"],
    }),
  outputSchema: z.object({
    group_id: z.string(),
    action: z.enum(["set", "delete"]),
    dry_run: z.boolean(),
    requested: z.number(),
    marked: z.number(),
    left_out: z.number(),
    failed: z.number(),
    chunks: z.array(ChunkOut),
    checks: DryRunChecksOut.optional(),
    marked_accounts: z.array(z.string()).describe("First 100."),
    left_out_accounts: z.array(z.string()).describe("First 100."),
    failed_accounts: z.array(z.string()).describe("All of them, to retry."),
    confirm_token: z.string().optional(),
  }),
  annotations: {
    title: "Set or delete marks on many live-group members",
    readOnlyHint: false,
    // action "delete" removes marks (and "set" can change who is hidden from online lists): ask first.
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  async handler(args, ctx) {
    const marks = [...new Set(args.marks)]; // [1000, 1000] is one mark
    const chunks = chunksOf(args.accounts, CHUNK);
    const base = { group_id: args.group_id, action: args.action, requested: args.accounts.length };
    const permit = args.dry_run
      ? undefined
      : await authorizeWrite(ctx, {
          tool: NAME,
          groupId: args.group_id,
          args,
          kind: "accounts",
          count: args.accounts.length,
          summary: `${NAME}: ${args.action} marks ${JSON.stringify(marks)} on ${args.accounts.length} members of ${args.group_id}: ${quoteIds(args.accounts)}`,
        });
    if (!permit) {
      const pre = await preflightMarks(ctx.chat, args.group_id, args.accounts, marks, ctx.signal);
      const token = ctx.confirm.issue(NAME, args);
      await ctx.audit({
        tool: NAME,
        group_id: args.group_id,
        status: "dry_run",
        dry_run: true,
        args,
        outcome: { chunks: chunks.length, would_succeed: pre.problem === undefined, not_online: pre.notOnline.length },
      });
      const wouldSend = `modify_user_info x ${chunks.length} (chunks of up to ${CHUNK}): ${JSON.stringify({ GroupId: args.group_id, CommandType: args.action === "set" ? 1 : 2, MemberList: `[${args.accounts.length} accounts, each with Marks ${JSON.stringify(marks)}]` })}`;
      return {
        data: {
          ...base,
          dry_run: true,
          marked: 0,
          left_out: pre.notOnline.length,
          failed: 0,
          checks: dryRunChecks(pre),
          chunks: chunks.map((c, index) => ({
            index,
            accounts: c.length,
            marked: 0,
            left_out: 0,
            failed: 0,
            attempts: 0,
          })),
          marked_accounts: [],
          left_out_accounts: pre.notOnline.slice(0, LIST_CAP),
          failed_accounts: [],
          confirm_token: token,
        },
        text: `${dryRunText(wouldSend, pre)}\n${confirmLine(token)}`,
      };
    }
    await permit.commit();
    const marked: string[] = [];
    const leftOut: string[] = [];
    const failed: string[] = [];
    let done = 0;
    const sent: string[][] = [];
    const report = await mapConcurrent(chunks, 4, async (chunk, index) => {
      sent.push(chunk);
      try {
        const res = await ctx.chat.changeMarks(
          args.group_id,
          args.action,
          chunk.map((account) => ({ account, marks })),
          { signal: ctx.signal },
        );
        const applied = new Set(res.applied.map((m) => m.account));
        const out = chunk.filter((a) => !applied.has(a));
        marked.push(...chunk.filter((a) => applied.has(a)));
        leftOut.push(...out);
        return {
          index,
          accounts: chunk.length,
          marked: applied.size,
          left_out: out.length,
          failed: 0,
          attempts: res.attempts,
        };
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        // "All accounts offline or unknown" fails the call: those accounts were left out, not failed.
        if (err instanceof ChatApiError && /offline|not exist/i.test(err.info)) {
          leftOut.push(...chunk);
          return { index, accounts: chunk.length, marked: 0, left_out: chunk.length, failed: 0, attempts: 1 };
        }
        failed.push(...chunk);
        const d = describeFailure(err);
        return {
          index,
          accounts: chunk.length,
          marked: 0,
          left_out: 0,
          failed: chunk.length,
          attempts: 1,
          // Tencent's own words say what exactly was refused ("more than 10 marks"): the same wording, sanitised
          // and redacted, as a scan's upstream_error.
          error: `${d.code ?? d.category}: ${asUpstreamFailure(err)?.meaning ?? d.meaning}`,
          retryable: d.retryable,
        };
      } finally {
        done++;
        await ctx.progress({ progress: done, total: chunks.length, message: `${done}/${chunks.length} chunks` });
      }
    }).catch(async (err: unknown) => {
      // Cancelled mid-way: what was sent before it stopped is recorded.
      await auditInterrupted(
        ctx,
        { tool: NAME, groupId: args.group_id, args },
        {
          marked,
          left_out: leftOut,
          failed,
          sent_outcome_unknown: sent
            .flat()
            .filter((a) => !marked.includes(a) && !leftOut.includes(a) && !failed.includes(a)),
        },
        err,
      );
      throw err;
    });
    const data = {
      ...base,
      dry_run: false,
      marked: marked.length,
      left_out: leftOut.length,
      failed: failed.length,
      chunks: report,
      marked_accounts: marked.slice(0, LIST_CAP),
      left_out_accounts: leftOut.slice(0, LIST_CAP),
      failed_accounts: failed,
    };
    const failedChunks = report.filter((c) => c.failed > 0);
    await ctx.audit({
      tool: NAME,
      group_id: args.group_id,
      status: failed.length === 0 ? "done" : marked.length > 0 ? "partial" : "failed",
      dry_run: false,
      args,
      outcome: { chunks: chunks.length, marked: marked.length, left_out: leftOut.length, failed },
    });
    const first = (list: string[], label: string) =>
      list.length
        ? `\n${label}${list.length > LIST_CAP ? ` (the first ${LIST_CAP} of ${list.length})` : ""}: ${quoteIds(list.slice(0, LIST_CAP))}.`
        : "";
    return {
      data,
      text:
        `${args.action === "set" ? "Set" : "Deleted"} marks ${args.marks.join(", ")} in ${args.group_id}: ${marked.length} marked, ${leftOut.length} left out (offline or unknown), ${failed.length} failed, in ${chunks.length} chunks.` +
        (failedChunks.length
          ? `\nFailed chunks: ${failedChunks.map((c) => `#${c.index} (${c.error})`).join("; ")}. ${failedChunks.some((c) => c.retryable) ? `A retry can fix the retryable ones: later, call set_member_marks_bulk with ${JSON.stringify({ ...args, accounts: failed, dry_run: false })}` : "A retry of the same request cannot help: fix what Tencent names first."}`
          : "") +
        first(marked, "Marked") +
        first(leftOut, "Left out") +
        (failedChunks.length ? `\nFailed: ${quoteIds(failed)}.` : ""),
    };
  },
});
