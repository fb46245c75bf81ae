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

/**
 * The failure an aggregate keeps and answers with (partial results and a cursor), or undefined when
 * it must throw: not an upstream failure, or nothing to keep (a fresh scan that read no page).
 */
export function failureToKeep(err: unknown, haveResults: boolean): UpstreamFailure | undefined {
  return haveResults ? asUpstreamFailure(err) : undefined;
}

/** One line for a tool's text. */
export function upstreamFailureLine(f: UpstreamFailure): string {
  return `Stopped by an upstream error${f.code !== null ? ` ${f.code}` : ""}: ${f.meaning} ${f.next_step}`;
}
