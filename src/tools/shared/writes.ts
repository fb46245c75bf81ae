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

export const DryRunParam = z.boolean().default(false).describe("Check and show what would be sent; send nothing.");
export const ConfirmTokenParam = z
  .string()
  .max(100)
  .optional()
  .describe("From a dry run with the same arguments; needed above the confirmation threshold.");

export const FailedChunkOut = z.object({
  accounts: z.array(z.string()),
  code: z.number().optional(),
  retryable: z.boolean(),
  meaning: z.string(),
  next_step: z.string(),
});

export const AccountWriteOut = z.object({
  group_id: z.string(),
  group_type: z.string(),
  dry_run: z.boolean(),
  requested: z.number(),
  done: z.array(z.string()),
  done_count: z.number(),
  not_members: z.array(z.string()),
  refused: z.array(z.string()).describe("account: why"),
  failed: z.array(FailedChunkOut),
  would_send: z.array(z.object({ api: z.string(), body: z.looseObject({}) })).optional(),
  confirm_token: z.string().optional(),
});
export type AccountWriteResult = z.infer<typeof AccountWriteOut>;

export interface GroupFacts {
  type: string;
  owner: string;
  muteAll?: boolean;
}

/** The group's type and owner (one get_group_info call); a missing group is the call's error. */
export async function groupFacts(ctx: ToolContext, groupId: string): Promise<GroupFacts> {
  const res = await ctx.chat.profiles(
    [groupId],
    { baseFields: ["Type", "Owner_Account", "MuteAllMember"] },
    { signal: ctx.signal },
  );
  const err = res.errors[0];
  if (err) throw new ChatApiError("get_group_info", err.ErrorCode, err.ErrorInfo, "");
  const g = res.groups[0];
  return {
    type: String(g?.Type ?? ""),
    owner: String(g?.Owner_Account ?? ""),
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

/**
 * Refuses a large write that does not carry the confirm token of a dry run with the same arguments. The
 * token is checked against the arguments the caller gave, so changing any of them needs a new dry run.
 */
export function requireConfirmation(
  ctx: ToolContext,
  tool: string,
  args: Record<string, unknown>,
  count: number,
  threshold: number,
  what: "accounts" | "messages",
  always?: string,
): void {
  if (!always && count <= threshold) return;
  const token = args.confirm_token;
  const why = always ?? `${tool} would act on ${count} ${what}, more than ${threshold}`;
  const how = `Call ${tool} with the same arguments and dry_run: true, check what it would send, then call again with its confirm_token (valid 10 minutes).`;
  if (typeof token !== "string")
    throw new ChatInputError("confirm_token", `${why}: it needs a confirm_token.`, undefined, how);
  const verdict = ctx.confirm.check(tool, args, token);
  if (verdict === "expired")
    throw new ChatInputError("confirm_token", "The confirm_token has expired.", undefined, how);
  if (verdict !== "ok")
    throw new ChatInputError(
      "confirm_token",
      "The confirm_token belongs to other arguments (or was edited): a token confirms exactly the dry run it came from.",
      undefined,
      how,
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
  /** The owner is never a target. */
  protectOwner?: string;
  /** Needs a confirm token above the threshold (lifting a mute or ban does not). */
  confirm: boolean;
  body(chunk: string[]): Record<string, unknown>;
  send(chunk: string[]): Promise<void>;
}

/** Runs one account write: checks, dry run or chunks, audit. Throws only when nothing could be done. */
export async function runAccountWrite(
  ctx: ToolContext,
  spec: AccountWriteSpec,
  args: Record<string, unknown> & { group_id: string; accounts: string[]; dry_run: boolean },
): Promise<AccountWriteResult> {
  const accounts = [...new Set(args.accounts)];
  // A large write without its token is refused before any request, reads included: the count is the
  // caller's own list (non-members found later do not lower it).
  if (spec.confirm && !args.dry_run)
    requireConfirmation(ctx, spec.tool, args, accounts.length, ctx.policy.confirmAbove.accounts, "accounts");
  const facts = await groupFacts(ctx, args.group_id);
  const refusal = spec.refuseType?.(facts.type);
  if (refusal) throw new ChatInputError("group_id", refusal.message, undefined, refusal.nextStep);
  const refused: string[] = [];
  let targets = accounts;
  if (spec.protectOwner && facts.owner && accounts.includes(facts.owner)) {
    refused.push(`${facts.owner}: ${spec.protectOwner}`);
    targets = targets.filter((a) => a !== facts.owner);
  }
  const outsiders =
    spec.membersOnly && facts.type !== "AVChatRoom" && targets.length > 0
      ? await nonMembers(ctx, args.group_id, targets)
      : new Set<string>();
  targets = targets.filter((a) => !outsiders.has(a));
  const chunks = chunksOf(targets, spec.chunk);
  const base = {
    group_id: args.group_id,
    group_type: facts.type || "unknown",
    dry_run: args.dry_run,
    requested: accounts.length,
    not_members: [...outsiders],
    refused,
  };

  if (args.dry_run) {
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
      dry_run: true,
      args,
      outcome: summary(result, chunks.length),
    });
    return result;
  }
  const done: string[] = [];
  const failed: AccountWriteResult["failed"] = [];
  let firstError: unknown;
  await mapConcurrent(chunks, 2, async (chunk) => {
    try {
      await spec.send(chunk);
      done.push(...chunk);
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
  const result: AccountWriteResult = { ...base, done, done_count: done.length, failed };
  await ctx.audit({
    tool: spec.tool,
    group_id: args.group_id,
    dry_run: false,
    args,
    outcome: summary(result, chunks.length),
  });
  // Nothing was done at all: the first failure, as an error an agent can act on.
  if (chunks.length > 0 && done.length === 0) throw firstError;
  return result;
}

function summary(r: AccountWriteResult, chunks: number): Record<string, unknown> {
  return {
    chunks,
    done: r.done_count,
    not_members: r.not_members,
    refused: r.refused,
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
  const accounts = all.flatMap((s) => s.body[listKey] as unknown[]).map(String);
  const most = Math.max(...all.map((s) => (s.body[listKey] as unknown[]).length));
  return [
    `Would send ${first.api} ${all.length === 1 ? "once" : `${all.length} times (at most ${most} accounts each)`}: ${JSON.stringify(fixed)} with ${listKey} = ${all.length === 1 ? "these" : "the next of these"} ${accounts.length} accounts: ${accounts.join(", ")}`,
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
      `To do it, call again with the same arguments, dry_run false and confirm_token "${r.confirm_token}" (valid 10 minutes).`,
    );
  } else {
    lines.push(
      `${verb[0]!.toUpperCase()}${verb.slice(1)}: ${r.done_count} of ${r.requested} accounts in ${r.group_id}${r.done.length ? `: ${r.done.join(", ")}` : ""}.`,
    );
  }
  if (r.not_members.length) lines.push(`Not members (left out): ${r.not_members.join(", ")}.`);
  for (const x of r.refused) lines.push(`Refused ${x}.`);
  for (const f of r.failed)
    lines.push(
      `FAILED for ${f.accounts.length} accounts (${f.accounts.join(", ")}): ${f.code ?? ""} ${f.meaning} ${f.retryable ? "A retry can fix this: call again with just these accounts." : f.next_step}`,
    );
  return lines.join("\n");
}
