// The answer of a write tool's dry run: exactly what would be sent, and what the read-only checks found.
import { z } from "zod";
import type { MarksPreflight } from "../../aggregate/marks-preflight.js";
import { StringOrNull } from "./nullable.js";
import { quoteIds } from "./quote.js";

export const DryRunChecksOut = z.object({
  would_succeed: z.boolean(),
  group_type: StringOrNull,
  problem: z.string().optional(),
  not_online: z.number().describe("Accounts that would be left out (not on the online list)."),
});

export function dryRunChecks(pre: MarksPreflight): z.infer<typeof DryRunChecksOut> {
  return {
    would_succeed: pre.problem === undefined,
    group_type: pre.groupType,
    ...(pre.problem ? { problem: pre.problem } : {}),
    not_online: pre.notOnline.length,
  };
}

export function dryRunText(wouldSend: string, pre: MarksPreflight): string {
  const lines = [`Dry run, nothing was sent. Would send: ${wouldSend}`];
  if (pre.problem) lines.push(`This call would FAIL: ${pre.problem}`);
  else if (pre.notOnline.length)
    lines.push(
      `${pre.notOnline.length} accounts are not on the online list and would be left out: ${quoteIds(pre.notOnline)}.`,
    );
  else lines.push("Checks passed: the group is an AVChatRoom and every account is online.");
  return lines.join("\n");
}
