// When a page still fails after the client's retries, an aggregate stops and returns what it has (with a
// resume cursor) instead of throwing its work away. This turns the failure into data an agent can act on.
import { describeFailure } from "../chat/error-codes.js";
import { ChatApiError, ChatHttpError, ChatNetworkError, ChatProtocolError } from "../chat/errors.js";
import { redactCredentials } from "../core/redact.js";
import { sanitizeText } from "../core/sanitize.js";

export interface UpstreamFailure {
  /** Chat error code, or null for an HTTP or network failure. */
  code: number | null;
  retryable: boolean;
  meaning: string;
  next_step: string;
}

/** The failure of an upstream call, or undefined for anything else (bugs and bad input still throw). */
export function asUpstreamFailure(err: unknown): UpstreamFailure | undefined {
  if (
    !(
      err instanceof ChatApiError ||
      err instanceof ChatHttpError ||
      err instanceof ChatNetworkError ||
      err instanceof ChatProtocolError
    )
  )
    return undefined;
  const d = describeFailure(err);
  return {
    code: d.code ?? null,
    retryable: d.retryable,
    // Tencent's own words say what exactly went wrong; they are upstream text, so sanitised and redacted.
    meaning: redactCredentials(
      sanitizeText(
        err instanceof ChatApiError && err.info && d.known ? `${d.meaning} Tencent says: "${err.info}".` : d.meaning,
        400,
      ),
    ),
    next_step: d.retryable
      ? `Wait a few seconds, then call again with the resume_cursor; the counts so far carry over. (${d.nextStep})`
      : `${d.nextStep} Then call again with the resume_cursor to continue; the counts so far carry over.`,
  };
}

export type ErrorStop =
  | { reason: "max_seconds"; failure?: undefined }
  | { reason: "upstream_error"; failure: UpstreamFailure };

/**
 * Why an aggregate stops on an error, or the error itself: the caller's cancellation and anything that is not
 * an upstream failure are rethrown; the deadline aborting a request in flight is "max_seconds"; an upstream
 * failure is kept as "upstream_error" (partial results and a cursor) only when there are results to keep it
 * with: a fresh scan that read nothing throws it.
 */
export function errorStop(
  err: unknown,
  o: { cancelled: AbortSignal; deadline: AbortSignal; haveResults: boolean },
): ErrorStop {
  if (o.cancelled.aborted) throw err;
  if (o.deadline.aborted) return { reason: "max_seconds" };
  const failure = o.haveResults ? asUpstreamFailure(err) : undefined;
  if (!failure) throw err;
  return { reason: "upstream_error", failure };
}

/** One line for a tool's text. */
export function upstreamFailureLine(f: UpstreamFailure): string {
  return `Stopped by an upstream error${f.code !== null ? ` ${f.code}` : ""}: ${f.meaning} ${f.next_step}`;
}
