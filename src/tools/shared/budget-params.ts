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
  .describe(
    "Time budget in seconds (default 40, inside the usual 60 s client timeout). When it runs out the result is partial with a resume_cursor.",
  );

export const ResumeCursorParam = z
  .string()
  .max(4096)
  .optional()
  .describe(
    "resume_cursor from a previous partial result of this same call; continues the scan where it stopped, keeping the counts.",
  );

export const StopReasonOut = z
  .enum(["done", "max_items", "max_seconds", "early_exit", "upstream_error"])
  .describe(
    "Why the scan stopped: done (group exhausted), max_items, max_seconds (budget), early_exit (enough matches), upstream_error (a page failed after retries; see upstream_error).",
  );

export const UpstreamErrorOut = z
  .object({
    code: NumberOrNull,
    retryable: z.boolean(),
    meaning: z.string(),
    next_step: z.string(),
  })
  .describe("The failure that stopped the scan; the counts so far are kept and resume_cursor continues from it.");

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
