// One descriptor per Chat REST API (octokit's route table): where it lives, which group types it serves,
// the request schema that carries its documented limits, the answer's schema, and what to say when a
// group type is refused. The client, the call counter, the unconfigured stub and the error hints all
// read these; nothing about an API is written twice.
import { z } from "zod";
import { ChatInputError } from "../errors.js";
import type { GroupType } from "../group-types.js";
import { GROUP_ID_RULE, USER_ID_RULE } from "../ids.js";

/** Meaning and next step for the "wrong group type" answer (10007, or 10004 for some APIs). */
export interface UnsupportedHint {
  meaning: string;
  nextStep: string;
}

export interface ChatApi<Req = unknown, Res = unknown> {
  /** Stable key for rate limits, logs, fault rules and per-tool call counts. */
  readonly name: string;
  readonly service: string;
  readonly command: string;
  /** Tencent's public page for the API. */
  readonly doc: string;
  /** Group types the docs say it serves (the safe reading where they disagree; docs/drift.md). */
  readonly groupTypes: readonly GroupType[];
  /** Validates a request in wire terms and applies defaults; violations become ChatInputError before sending. */
  readonly request: z.ZodType<object, Req>;
  /** Lenient reading of the answer, in the shape callers use. */
  readonly response: z.ZodType<Res, unknown>;
  /** Tencent's per-app limit when it differs from the usual 200/s. */
  readonly callsPerSecond?: number;
  /** Changes state (retried anyway when repeating is harmless; see each descriptor). */
  readonly writes?: boolean;
  /** The top-level ErrorCode means nothing, each item carries its own; only ActionStatus FAIL fails. */
  readonly perItemErrors?: boolean;
  /**
   * Top-level request fields that are uint64 numbers on the wire (get_appid_group_list's Next): callers pass
   * digit strings, sent as bare digits; integers beyond 2^53 in the answer are read as digit strings.
   */
  readonly bigIntegerFields?: readonly string[];
  readonly unsupported: UnsupportedHint;
}

/** What every descriptor says about itself, whatever its request and answer types. */
export type ApiInfo = Omit<ChatApi, "request" | "response">;

export type RequestOf<A> = A extends ChatApi<infer Req, unknown> ? Req : never;
export type ResponseOf<A> = A extends ChatApi<unknown, infer Res> ? Res : never;

export function defineApi<Req, Res>(api: ChatApi<Req, Res>): ChatApi<Req, Res> {
  return Object.freeze(api);
}

/** The request after its schema, or the first violation as a ChatInputError naming the field and the allowed values. */
export function checkRequest<Req>(api: ChatApi<Req, unknown>, request: Req): object {
  const parsed = api.request.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.path.filter((p) => typeof p === "string").join(".") || "request";
  const problem =
    issue?.code === "too_big" || issue?.code === "too_small"
      ? "is out of range"
      : issue?.code === "custom" || issue?.code === "invalid_format"
        ? (issue.message ?? "is invalid")
        : `is invalid (${issue?.message ?? "unknown problem"})`;
  throw new ChatInputError(param, `${api.name}: ${param} ${problem}`, allowedOf(issue));
}

function allowedOf(issue: z.core.$ZodIssue | undefined): string | undefined {
  if (!issue) return undefined;
  if (issue.code === "too_big") return `at most ${issue.maximum}${issue.origin === "array" ? " items" : ""}`;
  if (issue.code === "too_small") return `at least ${issue.minimum}${issue.origin === "array" ? " items" : ""}`;
  if (issue.code === "custom" && typeof issue.params?.allowed === "string") return issue.params.allowed;
  return undefined;
}

// ---- rules shared by the request schemas (one rule each) ----

export const GroupId = z.string().regex(GROUP_ID_RULE.pattern, {
  error: `is not a valid group ID (${GROUP_ID_RULE.text}, e.g. @TGS#1NVTZEAE4)`,
});

export const UserId = z.string().regex(USER_ID_RULE.pattern, { error: `is not a valid UserID (${USER_ID_RULE.text})` });

/** A list of accounts, 1 to `max` per request. */
export function userIds(max: number) {
  return z.array(UserId).min(1).max(max);
}

export function intRange(min: number, max: number) {
  return z.number().int().min(min).max(max);
}

/** A custom refinement with the allowed values in the error (read by checkRequest). */
export function allowed(message: string, values: string) {
  return { error: message, params: { allowed: values } };
}
