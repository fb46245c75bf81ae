// One error taxonomy for the Chat client. Every error that touches a request carries only a
// redacted copy of its URL (usersig replaced), so no log line or tool result can leak it.

const SECRET_QUERY_PARAMS = ["usersig"];

/** Returns the URL with every credential-bearing query parameter replaced by [REDACTED]. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const p of SECRET_QUERY_PARAMS) if (u.searchParams.has(p)) u.searchParams.set(p, "[REDACTED]");
    return u.toString();
  } catch {
    return url.replace(/(usersig=)[^&\s]*/gi, "$1[REDACTED]");
  }
}

export abstract class ChatError extends Error {
  abstract readonly kind: "api" | "http" | "network" | "protocol" | "input" | "config" | "refused" | "outcome_unknown";
}

/** The API answered with ActionStatus FAIL / ErrorCode != 0. */
export class ChatApiError extends ChatError {
  readonly kind = "api" as const;
  constructor(
    readonly api: string,
    readonly code: number,
    readonly info: string,
    readonly redactedUrl: string,
    options?: ErrorOptions,
  ) {
    super(`Chat API ${api} failed with ErrorCode ${code}${info ? `: ${info}` : ""}`, options);
    this.name = "ChatApiError";
  }
}

/** A non-200 HTTP status (gateway failures such as 502/503; Tencent answers 200 for business errors). */
export class ChatHttpError extends ChatError {
  readonly kind = "http" as const;
  constructor(
    readonly api: string,
    readonly status: number,
    readonly redactedUrl: string,
    options?: ErrorOptions,
  ) {
    super(`Chat API ${api} answered HTTP ${status}`, options);
    this.name = "ChatHttpError";
  }
}

/**
 * An answer that is not the documented JSON (an HTML page with HTTP 200, a body of the wrong shape).
 * Not retried: the same request gets the same answer; the message names what came back.
 */
export class ChatProtocolError extends ChatError {
  readonly kind = "protocol" as const;
  constructor(
    readonly api: string,
    message: string,
    readonly redactedUrl: string,
  ) {
    super(`Chat API ${api}: ${message}`);
    this.name = "ChatProtocolError";
  }
}

/** Connection refused/reset, DNS failure, or a timeout. */
export class ChatNetworkError extends ChatError {
  readonly kind = "network" as const;
  constructor(
    readonly api: string,
    message: string,
    readonly redactedUrl: string,
    readonly timedOut: boolean,
    options?: ErrorOptions,
  ) {
    super(`Chat API ${api}: ${message}`, options);
    this.name = "ChatNetworkError";
  }
}

/** A request we know would fail was refused before sending (documented limits). */
export class ChatInputError extends ChatError {
  readonly kind = "input" as const;
  constructor(
    /** The offending parameter, in the caller's terms (e.g. "Limit", "GroupIdList"). */
    readonly param: string,
    message: string,
    /** What would be accepted, e.g. "1-200". */
    readonly allowed?: string,
    /** What to do instead, when that is not a matter of another value (a whole sentence). */
    readonly nextStep?: string,
  ) {
    super(message);
    this.name = "ChatInputError";
  }
}

/** Missing or invalid configuration; the message names the variables to set. */
export class ConfigurationError extends ChatError {
  readonly kind = "config" as const;
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

/** Why the write-safety rules refused a write (before anything was sent). */
export type RefusalReason =
  | "needs_confirmation"
  | "token_invalid"
  | "token_spent"
  | "over_budget"
  | "declined"
  | "ledger_unavailable"
  | "audit_unwritable";

/** A write the safety rules refused before any request was sent; the message says why, nextStep how on. */
export class WriteRefusedError extends ChatError {
  readonly kind = "refused" as const;
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly nextStep: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "WriteRefusedError";
  }
}

/**
 * A write whose request went out but whose answer never came (timeouts and dropped connections after the
 * client's own retries): it may have taken effect. Calling again could do it twice, so this is not retryable.
 */
export class WriteOutcomeUnknownError extends ChatError {
  readonly kind = "outcome_unknown" as const;
  constructor(
    message: string,
    readonly nextStep: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "WriteOutcomeUnknownError";
  }
}
