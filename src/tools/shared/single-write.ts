// The path of a write that is one request (hand over a group, dismiss it, edit its profile, create one,
// post a message or a notice, change a live group's admins): read and check first, refusing before
// anything is sent; then the shared write guard; a dry run shows what would be sent and issues its token;
// a real call sends once, with one audit record either way.
import type { BudgetKind } from "../../core/write-ledger.js";
import type { ToolContext } from "../define.js";
import { authorizeWrite } from "./write-guard.js";

export interface SingleWriteSpec<F, R> {
  tool: string;
  groupId?: string;
  args: Record<string, unknown> & { dry_run: boolean };
  /** Reads what the write needs and throws a refusal (ChatInputError) before anything is sent. */
  check(): Promise<F>;
  /** The guard's view of the write, from what check() read. */
  intent(facts: F): { kind: BudgetKind | "none"; count: number; always?: string; summary: string };
  /** The request that would be sent (the dry run shows it; the audit keeps it). */
  request(facts: F): { api: string; body: Record<string, unknown> };
  send(facts: F): Promise<R>;
}

export type SingleWriteResult<F, R> =
  | { dryRun: true; facts: F; wouldSend: { api: string; body: Record<string, unknown> }; token: string }
  | { dryRun: false; facts: F; result: R };

export async function runSingleWrite<F, R>(
  ctx: ToolContext,
  spec: SingleWriteSpec<F, R>,
): Promise<SingleWriteResult<F, R>> {
  const facts = await spec.check();
  const wouldSend = spec.request(facts);
  const record = { tool: spec.tool, ...(spec.groupId ? { group_id: spec.groupId } : {}), args: spec.args };
  if (spec.args.dry_run) {
    const token = ctx.confirm.issue(spec.tool, spec.args);
    await ctx.audit({ ...record, status: "dry_run", dry_run: true, outcome: { would_send: wouldSend } });
    return { dryRun: true, facts, wouldSend, token };
  }
  const permit = await authorizeWrite(ctx, {
    tool: spec.tool,
    groupId: spec.groupId,
    args: spec.args,
    ...spec.intent(facts),
  });
  await permit.commit();
  const result = await spec.send(facts);
  await ctx.audit({ ...record, status: "done", dry_run: false, outcome: { sent: wouldSend, result } });
  return { dryRun: false, facts, result };
}
