// Lenient zod schemas for the five answers: unknown fields pass through, ErrorInfo may be missing,
// and documented typos such as Role "Member " (trailing space, seed-2 example) are normalised.
import { z } from "zod";

// A custom value that is not a string (a number, an object) is kept, as its JSON text.
const KeyValue = z.looseObject({
  Key: z.string(),
  Value: z.unknown().transform((v) => (typeof v === "string" ? v : JSON.stringify(v ?? null))),
});
// Roles are kept as sent, trimmed ("Member " in seed-2's example): a role we do not know is still data.
const Role = z.string().transform((r) => r.trim());

export const Envelope = z.looseObject({
  ActionStatus: z.string().optional(),
  // A code sent as a string ("10004") is still the code.
  ErrorCode: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d+$/)
        .transform(Number),
    ])
    .optional(),
  ErrorInfo: z.string().optional(),
});

export const MemberProfileSchema = z
  .looseObject({
    Member_Account: z.string(),
    Role: Role.optional(),
    JoinTime: z.number().optional(),
    MsgSeq: z.number().optional(),
    MsgFlag: z.string().optional(),
    LastSendMsgTime: z.number().optional(),
    MuteUntil: z.number().optional(),
    // The older English page and several server SDKs name the mute end ShutUpUntil (docs/drift.md).
    ShutUpUntil: z.number().optional(),
    NameCard: z.string().optional(),
    AppMemberDefinedData: z.array(KeyValue).optional(),
  })
  .transform(({ ShutUpUntil, ...m }) =>
    m.MuteUntil === undefined && ShutUpUntil !== undefined ? { ...m, MuteUntil: ShutUpUntil } : m,
  );

export const GroupInfoSchema = z.looseObject({
  GroupId: z.string(),
  ErrorCode: z.number().int().optional(),
  ErrorInfo: z.string().optional(),
  Type: z.string().optional(),
  Name: z.string().optional(),
  MemberNum: z.number().optional(),
  AppDefinedData: z.array(KeyValue).optional(),
  MemberList: z.array(MemberProfileSchema).optional(),
});

export const GetGroupInfoResponse = z.looseObject({ GroupInfo: z.array(GroupInfoSchema).default([]) });

/** Member records that parse, and how many did not: one odd record never loses the page. */
const LenientMemberList = z
  .array(z.unknown())
  .default([])
  .transform((items) => {
    const members: z.output<typeof MemberProfileSchema>[] = [];
    for (const item of items) {
      const m = MemberProfileSchema.safeParse(item);
      if (m.success) members.push(m.data);
    }
    return { members, skipped: items.length - members.length };
  });

export const GetGroupMemberInfoResponse = z.looseObject({
  MemberNum: z.number().int().nonnegative().default(0),
  MemberList: LenientMemberList,
  // Opaque cursor: a JSON string that may look like an integer above 2^53. Never parse it.
  Next: z.string().optional(),
});

export const GetOnlineMembersResponse = z.looseObject({
  MemberList: z
    .array(
      z.looseObject({
        Member_Account: z.string(),
        JoinTime: z.number().optional(),
        NickName: z.string().optional(),
        Avatar: z.string().optional(),
      }),
    )
    .default([]),
  NextTimestamp: z.number().int().nonnegative().default(0),
});

export const GetOnlineMemberNumResponse = z.looseObject({ OnlineMemberNum: z.number().int().nonnegative() });

export const ModifyUserInfoResponse = z.looseObject({
  CommandType: z.union([z.literal(1), z.literal(2)]).optional(),
  MemberList: z
    .array(z.looseObject({ Member_Account: z.string(), Marks: z.array(z.number()).default([]) }))
    .default([]),
});
