// Shared input parameters whose descriptions teach the agent where values come from.
import { z } from "zod";
import { MEMBER_ROLES } from "../../chat/groups.js";
import { GROUP_ID_RULE, USER_ID_RULE } from "../../chat/ids.js";

// The ID rules are checked by refine, not regex: a pattern in every ID parameter of every tool costs the
// listing tokens and tells an agent nothing it would get wrong (the length bounds stay listed).
export const GroupIdParam = z
  .string()
  .trim()
  .min(1)
  .max(GROUP_ID_RULE.max)
  .refine((id) => GROUP_ID_RULE.pattern.test(id), `group IDs are ${GROUP_ID_RULE.text}`)
  .describe("e.g. @TGS#1NVTZEAE4");

export const RoleParam = z.enum(MEMBER_ROLES as unknown as ["Owner", "Admin", "Member"]);

export const CustomKeysParam = z
  .array(
    z
      .string()
      .min(1)
      .max(64)
      .refine((k) => !/\p{Cc}/u.test(k), "custom keys have no control characters"),
  )
  .max(20)
  .describe("Member custom data keys.");

export const AccountParam = z
  .string()
  .min(1)
  .max(USER_ID_RULE.max)
  .refine((id) => USER_ID_RULE.pattern.test(id), `UserIDs are ${USER_ID_RULE.text}`);

export const MarkParam = z
  .number()
  .int()
  .refine(
    (m) => m >= 1000 || m === 500 || m === 600,
    "marks are integers >= 1000, or the special 500 (treated as always online) and 600 (hidden from online lists)",
  )
  .refine((m) => m <= 0xffffffff, "marks fit in 32 bits");

export const GroupTypeParam = z
  .enum(["Private", "Public", "ChatRoom", "AVChatRoom", "Community"])
  .describe("Private = Work, ChatRoom = Meeting, AVChatRoom = live group.");

// A date or date-time (ISO 8601), checked by refine so no pattern is listed (the description says the form);
// Date.parse then rejects what the pattern lets through.
const ISO_DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/;
export const IsoDateParam = z
  .string()
  .refine((d) => ISO_DATE.test(d), "an ISO 8601 date, e.g. 2026-10-01")
  .refine((d) => !Number.isNaN(Date.parse(d)), "not a real date");

/** Unix seconds of an ISO date parameter. */
export function secondsOf(date: string | undefined): number | undefined {
  return date === undefined ? undefined : Math.floor(Date.parse(date) / 1000);
}

/**
 * Custom data to set (group or member custom fields): keys of 1-64 characters, values up to 4,096. The key
 * rule is checked on the record: zod reports a refused record key as "Invalid key" without the reason.
 */
export function customDataParam(what: string) {
  return z
    .record(z.string(), z.string().max(4096))
    .refine((r) => Object.keys(r).every((k) => k.length >= 1 && k.length <= 64), "custom keys are 1-64 characters")
    .describe(`${what} to set.`);
}

/** A text within a byte limit (UTF-8), checked before anything is sent. */
export function bytesTextParam(max: number) {
  return z
    .string()
    .refine((s) => Buffer.byteLength(s) <= max, `at most ${max} bytes (UTF-8)`)
    .describe(`At most ${max} bytes.`);
}
