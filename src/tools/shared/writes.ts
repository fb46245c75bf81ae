// What every moderation write shares: the group's type and owner read first, refusals before sending,
// members resolved with read APIs, the confirm-token rule for large writes, chunked sending where a failed
// chunk never hides the others, and one audit record per call (dry runs included).
import { z } from "zod";
import { chunksOf, mapConcurrent } from "../../aggregate/pool.js";
import { asUpstreamFailure } from "../../aggregate/upstream.js";
import { ROLES_PER_CALL } from "../../chat/apis/get-role-in-group.js";
import { describeFailure } from "../../chat/error-codes.js";
import { ChatApiError, ChatInputError } from "../../chat/errors.js";
import type { ToolContext } from "../define.js";
import { quoteId, quoteIds } from "./quote.js";
import { authorizeWrite } from "./write-guard.js";

export const DryRunParam = z.boolean().default(false).describe("Check and show what would be sent; send nothing.");
export const ConfirmTokenParam = z
  .string()
  .max(100)
  .optional()
  .describe("From a dry run with the same arguments; needed above the confirmation threshold.");

/** The last line of every dry run: how to do it for real, with this dry run's token. */
export function confirmLine(token: string | undefined): string {
  return `To do it, call again with the same arguments, dry_run false and confirm_token "${token}" (valid 10 minutes, for one call).`;
}

export const FailedChunkOut = z.object({
  accounts: z.array(z.string()),
  code: z.number().optional(),
  retryable: z.boolean(),
  meaning: z.string(),
  next_step: z.string(),
});

export const AccountWriteOut = z.object({
  group_id: z.string(),
  topic_id: z.string().optional(),
  group_type: z.string(),
  dry_run: z.boolean(),
  requested: z.number(),
  done: z.array(z.string()),
  done_count: z.number(),
  not_members: z.array(z.string()),
  refused: z.array(z.string()).describe("account: why"),
  unchanged: z.array(z.string()).optional(),
  failed: z.array(FailedChunkOut),
  would_send: z.array(z.object({ api: z.string(), body: z.looseObject({}) })).optional(),
  confirm_token: z.string().optional(),
});
export type AccountWriteResult = z.infer<typeof AccountWriteOut>;

export interface GroupFacts {
  type: string;
  owner: string;
  name: string;
  memberNum?: number;
  muteAll?: boolean;
}

/** The group's type and owner (one get_group_info call); a missing group is the call's error. */
export async function groupFacts(ctx: ToolContext, groupId: string): Promise<GroupFacts> {
  const res = await ctx.chat.profiles(
    [groupId],
    { baseFields: ["Type", "Name", "Owner_Account", "MemberNum", "MuteAllMember"] },
    { signal: ctx.signal },
  );
  const err = res.errors[0];
  if (err) throw new ChatApiError("get_group_info", err.ErrorCode, err.ErrorInfo, "");
  const g = res.groups[0];
  return {
    type: String(g?.Type ?? ""),
    owner: String(g?.Owner_Account ?? ""),
    name: String(g?.Name ?? ""),
    ...(typeof g?.MemberNum === "number" ? { memberNum: g.MemberNum } : {}),
    ...(g?.MuteAllMember !== undefined ? { muteAll: g.MuteAllMember === "On" } : {}),
  };
}

/** Accounts that are not members (roles looked up 500 at a time). */
export async function nonMembers(ctx: ToolContext, groupId: string, accounts: readonly string[]): Promise<Set<string>> {
  const chunks = chunksOf(accounts, ROLES_PER_CALL);
  const answers = await mapConcurrent(chunks, 4, (c) => ctx.chat.roles(groupId, c, { signal: ctx.signal }));
  return new Set(
    answers
      .flat()
      .filter((r) => r.role === "NotMember")
      .map((r) => r.account),
  );
}

export interface AccountWriteSpec {
  tool: string;
  /** The REST API, for the dry run's "would send". */
  api: string;
  chunk: number;
  /** Why this group type refuses the write, said before anything is sent. */
  refuseType?(type: string): { message: string; nextStep: string } | undefined;
  /** Only members can be the target (mute, remove): others are reported, not sent. */
  membersOnly: boolean;
  /** Only non-members can be the target (add): members are reported as unchanged, not sent. */
  skipMembers?: boolean;
  /** The owner is never a target. */
  protectOwner?: string;
  /** Needs a confirmation above the per-call threshold (lifting a mute or ban does not; the budget still counts it). */
  confirm: boolean;
  body(chunk: string[]): Record<string, unknown>;
  /** Sends one chunk; an API with a result per account says which were done, unchanged or failed. */
  send(chunk: string[]): Promise<void> | Promise<ChunkOutcome>;
}

/** Per-account results inside one accepted request (add_group_member's Result). */
export interface ChunkOutcome {
  done: string[];
  /** "account: why" for accounts the request left as they were. */
  unchanged: string[];
  failed: { accounts: string[]; meaning: string; nextStep: string }[];
}

/**
 * The audit line of a write stopped mid-way (cancelled, or broken by an error that is not Tencent's answer):
 * what was done, which requests were out with no answer, and why it stopped.
 */
export async function auditInterrupted(
  ctx: ToolContext,
  w: { tool: string; groupId: string; args: Record<string, unknown> },
  outcome: Record<string, unknown>,
  err: unknown,
): Promise<void> {
  await ctx.audit({
    tool: w.tool,
    group_id: w.groupId,
    status: "interrupted",
    dry_run: false,
    args: w.args,
    outcome: {
      ...outcome,
      why: ctx.signal.aborted ? "cancelled by the client" : err instanceof Error ? err.message : String(err),
    },
  });
}

/** Runs one account write: checks, dry run or chunks, audit. Throws only when nothing could be done. */
export async function runAccountWrite(
  ctx: ToolContext,
  spec: AccountWriteSpec,
  args: Record<string, unknown> & { group_id: string; accounts: string[]; dry_run: boolean },
): Promise<AccountWriteResult> {
  const accounts = [...new Set(args.accounts)];
  // A write that needs confirmation and has none is refused before any request, reads included: the count
  // is the caller's own list (non-members found later do not lower it).
  const permit = args.dry_run
    ? undefined
    : await authorizeWrite(ctx, {
        tool: spec.tool,
        groupId: args.group_id,
        args,
        kind: "accounts",
        count: accounts.length,
        ...(spec.confirm ? {} : { threshold: Number.POSITIVE_INFINITY }),
        summary: `${spec.tool} on ${accounts.length} accounts of ${args.group_id} (REST ${spec.api} ${JSON.stringify(fixedFields(spec.body([])))}): ${quoteIds(accounts)}`,
      });
  const facts = await groupFacts(ctx, args.group_id);
  const refusal = spec.refuseType?.(facts.type);
  if (refusal) throw new ChatInputError("group_id", refusal.message, undefined, refusal.nextStep);
  const refused: string[] = [];
  let targets = accounts;
  if (spec.protectOwner && facts.owner && accounts.includes(facts.owner)) {
    refused.push(`${quoteId(facts.owner)}: ${spec.protectOwner}`);
    targets = targets.filter((a) => a !== facts.owner);
  }
  const outsiders =
    (spec.membersOnly || spec.skipMembers) && facts.type !== "AVChatRoom" && targets.length > 0
      ? await nonMembers(ctx, args.group_id, targets)
      : new Set<string>();
  const unchanged: string[] = [];
  if (spec.skipMembers) {
    for (const a of targets) if (!outsiders.has(a)) unchanged.push(`${quoteId(a)}: already a member`);
    targets = targets.filter((a) => outsiders.has(a));
  } else targets = targets.filter((a) => !outsiders.has(a));
  const chunks = chunksOf(targets, spec.chunk);
  const base = {
    group_id: args.group_id,
    group_type: facts.type || "unknown",
    dry_run: args.dry_run,
    requested: accounts.length,
    not_members: spec.skipMembers ? [] : [...outsiders],
    refused,
    ...(spec.skipMembers ? { unchanged } : {}),
  };

  if (!permit) {
    const result: AccountWriteResult = {
      ...base,
      done: [],
      done_count: 0,
      failed: [],
      would_send: chunks.map((c) => ({ api: spec.api, body: spec.body(c) })),
      confirm_token: ctx.confirm.issue(spec.tool, args),
    };
    await ctx.audit({
      tool: spec.tool,
      group_id: args.group_id,
      status: "dry_run",
      dry_run: true,
      args,
      outcome: summary(result, chunks.length),
    });
    return result;
  }
  if (chunks.length > 0) await permit.commit();
  const done: string[] = [];
  // Chunks whose request went out: a cancelled call may have changed these whatever it heard back.
  const sent: string[][] = [];
  const failed: AccountWriteResult["failed"] = [];
  let firstError: unknown;
  try {
    await mapConcurrent(chunks, 2, async (chunk) => {
      // A cancelled call sends no further chunk.
      if (ctx.signal.aborted) return;
      sent.push(chunk);
      try {
        const outcome = await spec.send(chunk);
        if (!outcome) done.push(...chunk);
        else {
          done.push(...outcome.done);
          unchanged.push(...outcome.unchanged);
          for (const f of outcome.failed)
            failed.push({ accounts: f.accounts, retryable: false, meaning: f.meaning, next_step: f.nextStep });
        }
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        const f = asUpstreamFailure(err);
        if (!f) throw err;
        firstError ??= err;
        // Tencent's words (sanitised) say what was refused; the next step is the error table's, not a scan's.
        failed.push({
          accounts: chunk,
          ...(f.code !== null ? { code: f.code } : {}),
          retryable: f.retryable,
          meaning: f.meaning,
          next_step: f.retryable ? "Call again with just these accounts." : describeFailure(err).nextStep,
        });
      }
    });
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error("cancelled");
  } catch (err) {
    // Cancelled or broken mid-way: what was sent before it stopped is recorded, with what may have landed.
    const answered = new Set([...done, ...failed.flatMap((f) => f.accounts)]);
    const sentUnknown = sent.flat().filter((a) => !answered.has(a));
    await auditInterrupted(
      ctx,
      { tool: spec.tool, groupId: args.group_id, args },
      {
        chunks: chunks.length,
        done,
        sent_outcome_unknown: sentUnknown,
        not_sent: targets.filter((a) => !done.includes(a) && !sentUnknown.includes(a)),
        failed: failed.map((f) => ({ accounts: f.accounts, code: f.code })),
      },
      err,
    );
    throw err;
  }
  const result: AccountWriteResult = {
    ...base,
    ...(spec.skipMembers ? { unchanged } : {}),
    done,
    done_count: done.length,
    failed,
  };
  await ctx.audit({
    tool: spec.tool,
    group_id: args.group_id,
    status: failed.length === 0 ? "done" : done.length > 0 ? "partial" : "failed",
    dry_run: false,
    args,
    outcome: summary(result, chunks.length),
  });
  // Nothing was done at all: the first failure, as an error an agent can act on.
  if (chunks.length > 0 && done.length === 0 && firstError !== undefined) throw firstError;
  return result;
}

/** The fields of a request body that are the same for every chunk (what the elicitation prompt shows). */
function fixedFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => !Array.isArray(v)));
}

function summary(r: AccountWriteResult, chunks: number): Record<string, unknown> {
  return {
    chunks,
    done: r.done_count,
    not_members: r.not_members,
    refused: r.refused,
    ...(r.unchanged?.length ? { unchanged: r.unchanged } : {}),
    failed: r.failed.map((f) => ({ accounts: f.accounts.length, code: f.code, retryable: f.retryable })),
  };
}

function sends(r: AccountWriteResult): { api: string; body: Record<string, unknown> }[] {
  return (r.would_send ?? []) as { api: string; body: Record<string, unknown> }[];
}

/**
 * What a dry run would send, whole: the request's fixed fields as JSON once, then every account it would
 * carry (a JSON body per chunk would repeat the fixed fields; a cut one would hide accounts).
 */
function wouldSendLines(r: AccountWriteResult): string[] {
  const all = sends(r);
  const first = all[0];
  if (!first) return ["Would send nothing."];
  const listKey = Object.keys(first.body).find((k) => Array.isArray(first.body[k]));
  if (!listKey) return all.map((s) => `Would send ${s.api} ${JSON.stringify(s.body)}`);
  const { [listKey]: _chunk, ...fixed } = first.body;
  // A list of {Member_Account} objects (add_group_member) is named by its accounts.
  const accounts = all
    .flatMap((s) => s.body[listKey] as unknown[])
    .map((x) => (typeof x === "object" && x !== null && "Member_Account" in x ? String(x.Member_Account) : String(x)));
  const most = Math.max(...all.map((s) => (s.body[listKey] as unknown[]).length));
  return [
    `Would send ${first.api} ${all.length === 1 ? "once" : `${all.length} times (at most ${most} accounts each)`}: ${JSON.stringify(fixed)} with ${listKey} = ${all.length === 1 ? (accounts.length === 1 ? "this account" : `these ${accounts.length} accounts`) : `the next of these ${accounts.length} accounts`}: ${quoteIds(accounts)}`,
  ];
}

/** The text of an account write: what happened (or would), per outcome, every account named. */
export function accountWriteText(verb: string, r: AccountWriteResult): string {
  const lines: string[] = [];
  if (r.dry_run) {
    const n = sends(r).reduce((k, s) => k + Object.values(s.body).filter(Array.isArray).flat().length, 0);
    lines.push(
      `Dry run, nothing was sent. Would ${verb} ${n} of ${r.requested} accounts in ${r.group_id} (${r.group_type}).`,
      ...wouldSendLines(r),
      confirmLine(r.confirm_token),
    );
  } else {
    lines.push(
      `${verb[0]!.toUpperCase()}${verb.slice(1)}: ${r.done_count} of ${r.requested} accounts in ${r.group_id}${r.done.length ? `: ${quoteIds(r.done)}` : ""}.`,
    );
  }
  if (r.not_members.length) lines.push(`Not members (left out): ${quoteIds(r.not_members)}.`);
  for (const x of r.refused) lines.push(`Refused ${x}.`);
  if (r.unchanged?.length) lines.push(`Unchanged: ${r.unchanged.join("; ")}.`);
  for (const f of r.failed)
    lines.push(
      `FAILED for ${f.accounts.length} accounts (${quoteIds(f.accounts)}): ${f.code ?? ""} ${f.meaning} ${f.retryable ? "A retry can fix this: call again with just these accounts." : f.next_step}`,
    );
  return lines.join("\n");
}
