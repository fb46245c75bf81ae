// The one safety path of every write: whether it needs a confirmation (always, above the per-call
// threshold, or past the app's write budget), how it gets one (a dry run's single-use token, or a person
// asked through elicitation), and the last checks right before the first request (the token spent, the
// budget booked, the audit line writable). Refusals are audited here, before anything is sent.
import { WriteRefusedError } from "../../chat/errors.js";
import type { AuditRecord } from "../../core/audit.js";
import { secondsLeft, type TokenVerdict, tokenFingerprint } from "../../core/confirm-token.js";
import type { BudgetKind } from "../../core/write-ledger.js";
import type { ToolContext } from "../define.js";

export interface WriteIntent {
  tool: string;
  groupId?: string;
  /** The call's arguments as given (confirm_token included). */
  args: Record<string, unknown>;
  /** What the write acts on, for the threshold and the budget ("none": a group setting). */
  kind: BudgetKind | "none";
  count: number;
  /** The per-call threshold, when not the policy's for the kind (lifting a mute needs none: Infinity). */
  threshold?: number;
  /** Always needs a confirmation, for this reason (irreversible or whole-group writes). */
  always?: string;
  /** What would happen, in a person's words: the elicitation message and the refusals say it. */
  summary: string;
}

export interface WritePermit {
  confirmation: NonNullable<AuditRecord["confirmation"]>;
  /**
   * Right before the first request: the audit line can be written, the token is spent (a replay racing this
   * call loses), the budget is booked. A refusal here sends nothing and leaves an unspent token unspent.
   */
  commit(): Promise<void>;
}

const HOW_TOKEN = (tool: string) =>
  `Call ${tool} with the same arguments and dry_run: true, check what it would send, then call again with its confirm_token (valid 10 minutes, once).`;

const VERDICT_TEXT: Record<Exclude<TokenVerdict, "ok">, string> = {
  malformed: "The confirm_token is not in the form a dry run gives (it was edited or cut)",
  mismatch: "The confirm_token belongs to other arguments: a token confirms exactly the dry run it came from",
  expired: "The confirm_token has expired (tokens last 10 minutes)",
};

const threshold = (ctx: ToolContext, intent: WriteIntent) =>
  intent.threshold ?? (intent.kind === "none" ? Number.POSITIVE_INFINITY : ctx.policy.confirmAbove[intent.kind]);

async function ledgerCall<T>(what: () => Promise<T>): Promise<T> {
  try {
    return await what();
  } catch (err) {
    throw new WriteRefusedError(
      "ledger_unavailable",
      `The shared write ledger (Redis) did not answer (${err instanceof Error ? err.message : String(err)}), so the write cannot be checked against spent tokens and the write budget.`,
      "Retry in a few seconds; if it persists, check TENCENT_CHAT_REDIS_URL.",
      5,
    );
  }
}

/** Audits a refusal (once for the call) and throws it. */
async function refuse(ctx: ToolContext, intent: WriteIntent, err: WriteRefusedError): Promise<never> {
  await ctx.audit({
    tool: intent.tool,
    group_id: intent.groupId,
    status: err.reason === "declined" ? "declined" : "refused",
    dry_run: false,
    args: intent.args,
    outcome: { refused: err.reason, why: err.message },
  });
  throw err;
}

/** Whether this real (not dry-run) write may go on, and how it was confirmed; refusals are thrown. */
export async function authorizeWrite(ctx: ToolContext, intent: WriteIntent): Promise<WritePermit> {
  const w = ctx.writes;
  const token = typeof intent.args.confirm_token === "string" ? intent.args.confirm_token : undefined;
  if (token !== undefined) w.call.token_fingerprint = tokenFingerprint(token);
  const budget = intent.kind === "none" ? undefined : { kind: intent.kind, limit: w.budget[intent.kind] };

  // Why a confirmation is needed, if it is: always, the per-call threshold, or the app's write budget.
  let why: string | undefined = intent.always;
  if (!why && intent.count > threshold(ctx, intent))
    why = `${intent.tool} would act on ${intent.count} ${intent.kind}, more than ${threshold(ctx, intent)} at once`;
  let freesAtMs: number | undefined;
  if (!why && budget && token === undefined) {
    const use = await ledgerCall(() => w.ledger.usage(budget.kind, w.budget.windowSeconds));
    if (use.used + intent.count > budget.limit) {
      freesAtMs = use.freesAtMs;
      why = `the write budget is spent: ${use.used} ${budget.kind} were acted on without confirmation in the last ${Math.round(w.budget.windowSeconds / 60)} minutes, and ${intent.count} more would pass the ${budget.limit} allowed${freesAtMs ? ` (the window frees up from ${new Date(freesAtMs).toISOString()})` : ""}`;
    }
  }

  let confirmation: WritePermit["confirmation"] = "not_needed";
  if (token !== undefined) {
    // A token is a confirmation whenever it is given: checked, and spent by this call.
    if (w.confirmWith === "elicitation")
      await refuse(
        ctx,
        intent,
        new WriteRefusedError(
          "token_invalid",
          "This server confirms writes only by asking a person (--confirm-with elicitation), not with tokens.",
          "Call again without confirm_token; the host will ask the person.",
        ),
      );
    const verdict = ctx.confirm.check(intent.tool, intent.args, token);
    const otherApp = verdict === "mismatch" ? ctx.confirm.appOf?.(intent.tool, intent.args, token) : undefined;
    if (otherApp)
      await refuse(
        ctx,
        intent,
        new WriteRefusedError(
          "token_invalid",
          `The confirm_token belongs to app "${otherApp}": a token confirms a dry run of the same app.`,
          `Call again with app "${otherApp}", or make a dry run in this app. ${HOW_TOKEN(intent.tool)}`,
        ),
      );
    if (verdict !== "ok")
      await refuse(
        ctx,
        intent,
        new WriteRefusedError("token_invalid", `${VERDICT_TEXT[verdict]}.`, HOW_TOKEN(intent.tool)),
      );
    if (await ledgerCall(() => w.ledger.isSpent(w.call.token_fingerprint!)))
      await refuse(
        ctx,
        intent,
        new WriteRefusedError(
          "token_spent",
          "This confirm_token was already used: a token confirms one call.",
          `To do it again, make a new dry run. ${HOW_TOKEN(intent.tool)}`,
        ),
      );
    confirmation = "token";
  } else if (why) {
    const canAsk = w.confirmWith !== "token" && w.ask !== undefined;
    if (canAsk) {
      // No answer (the prompt timed out, the call was cancelled, the client failed) is no consent.
      const answer = await w.ask!(`${intent.summary}\n\nConfirmation needed: ${why}. Go ahead?`).catch(
        () => "cancel" as const,
      );
      if (answer !== "accept")
        await refuse(
          ctx,
          intent,
          new WriteRefusedError(
            "declined",
            `The person asked to confirm ${answer === "decline" ? "declined" : "cancelled"}: ${intent.summary}.`,
            "Do not retry this write unless the person asks for it.",
          ),
        );
      confirmation = "elicitation";
    } else if (w.confirmWith === "elicitation") {
      await refuse(
        ctx,
        intent,
        new WriteRefusedError(
          "needs_confirmation",
          `${why}, and this server confirms writes only by asking a person, which this client (or transport) cannot do.`,
          "Use a host that supports elicitation over stdio, or restart the server with --confirm-with either.",
        ),
      );
    } else {
      const reason = freesAtMs ? "over_budget" : "needs_confirmation";
      await refuse(
        ctx,
        intent,
        new WriteRefusedError(
          reason,
          `Confirmation needed: ${why}.`,
          HOW_TOKEN(intent.tool),
          freesAtMs ? Math.max(1, Math.ceil((freesAtMs - Date.now()) / 1000)) : undefined,
        ),
      );
    }
  }
  w.call.confirmation = confirmation;

  return {
    confirmation,
    commit: async () => {
      try {
        await w.auditReady();
      } catch (err) {
        // No audit line could be written for this refusal either: it goes to the error and stderr.
        throw new WriteRefusedError(
          "audit_unwritable",
          `The audit log cannot be written (${err instanceof Error ? err.message : String(err)}); an unrecorded write is worse than none.`,
          "Fix TENCENT_CHAT_AUDIT_LOG (the file or its folder), then call again.",
        );
      }
      if (token !== undefined) {
        const spent = await ledgerCall(() => w.ledger.spend(w.call.token_fingerprint!, secondsLeft(token) + 60));
        if (!spent)
          await refuse(
            ctx,
            intent,
            new WriteRefusedError(
              "token_spent",
              "This confirm_token was used by another call a moment ago: a token confirms one call.",
              `To do it again, make a new dry run. ${HOW_TOKEN(intent.tool)}`,
            ),
          );
      }
      if (budget) {
        // Confirmed writes are counted, never blocked; unconfirmed ones book only within the budget.
        const limit = confirmation === "not_needed" ? budget.limit : undefined;
        const booked = await ledgerCall(() => w.ledger.book(budget.kind, intent.count, w.budget.windowSeconds, limit));
        if (!booked)
          await refuse(
            ctx,
            intent,
            new WriteRefusedError(
              "over_budget",
              `Confirmation needed: other writes spent the write budget (${budget.limit} ${budget.kind} per ${Math.round(w.budget.windowSeconds / 60)} minutes without confirmation) a moment ago.`,
              HOW_TOKEN(intent.tool),
            ),
          );
      }
    },
  };
}
