import { z } from "zod";
import type { UpstreamFailure } from "../../aggregate/upstream.js";
import { upstreamFailureLine } from "../../aggregate/upstream.js";
import { NumberOrNull } from "./nullable.js";

export const MaxSecondsParam = z
  .number()
  .int()
  .min(1)
  .max(300)
  .default(40)
  .describe("Seconds; then a partial result with resume_cursor.");

export const ResumeCursorParam = z.string().max(4096).optional().describe("From a partial result: continues it.");

export const StopReasonOut = z.enum(["done", "max_items", "max_seconds", "early_exit", "upstream_error"]);

export const UpstreamErrorOut = z.object({
  code: NumberOrNull,
  retryable: z.boolean(),
  meaning: z.string(),
  next_step: z.string(),
});

/** The output fields of an aggregate that can stop early: its continuation, why it stopped, the failure. */
export const ContinuationOut = {
  resume_cursor: z.string().optional(),
  stopped_because: StopReasonOut,
  upstream_error: UpstreamErrorOut.optional(),
};

/**
 * The closing text of a partial aggregate result: why it stopped and the exact next call, so a host that
 * shows the model only the text (not structuredContent) can still continue.
 */
export function continueText(
  tool: string,
  sameArgs: Record<string, unknown>,
  cursor: string | undefined,
  failure?: UpstreamFailure,
): string {
  const lines = failure ? [upstreamFailureLine(failure)] : [];
  if (cursor) lines.push(`To continue, call ${tool} with ${JSON.stringify({ ...sameArgs, resume_cursor: cursor })}`);
  return lines.join("\n");
}
