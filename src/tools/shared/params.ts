// Shared input parameters whose descriptions teach the agent where values come from.
import { z } from "zod";
import { MEMBER_ROLES } from "../../chat/groups.js";
import { GROUP_ID_RULE, USER_ID_RULE } from "../../chat/ids.js";

export const GroupIdParam = z
  .string()
  .trim()
  .min(1)
  .max(GROUP_ID_RULE.max)
  .regex(GROUP_ID_RULE.pattern, `group IDs are ${GROUP_ID_RULE.text}`)
  .describe("e.g. @TGS#1NVTZEAE4; Community IDs start with @TGS#_.");

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
  .describe("AppMemberDefinedData keys to return.");

export const AccountParam = z
  .string()
  .min(1)
  .max(USER_ID_RULE.max)
  .regex(USER_ID_RULE.pattern, `UserIDs are ${USER_ID_RULE.text}`);

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

// A date or date-time (ISO 8601). A short pattern instead of zod's calendar-exact one (about 500 characters
// per parameter in every tools/list); Date.parse then rejects what the pattern lets through.
export const IsoDateParam = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/, "an ISO 8601 date, e.g. 2026-10-01")
  .refine((d) => !Number.isNaN(Date.parse(d)), "not a real date")
  .describe("ISO 8601 date, e.g. 2026-10-01.");

/** Unix seconds of an ISO date parameter. */
export function secondsOf(date: string | undefined): number | undefined {
  return date === undefined ? undefined : Math.floor(Date.parse(date) / 1000);
}
