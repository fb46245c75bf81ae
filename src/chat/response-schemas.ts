// Lenient zod schemas for the parts answers share: unknown fields pass through, ErrorInfo may be missing,
// and documented typos such as Role "Member " (trailing space, in get_group_member_info's example) are normalised.
import { z } from "zod";

// A custom value that is not a string (a number, an object) is kept, as its JSON text.
const KeyValue = z.looseObject({
  Key: z.string(),
  Value: z.unknown().transform((v) => (typeof v === "string" ? v : JSON.stringify(v ?? null))),
});
// Roles are kept as sent, trimmed ("Member " in get_group_member_info's example): a role we do not know is still data.
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

// A profile field of the wrong type is dropped, not the whole group.
const num = z.number().optional().catch(undefined);
const str = z.string().optional().catch(undefined);

export const GroupInfoSchema = z.looseObject({
  GroupId: z.string(),
  ErrorCode: z.number().int().optional(),
  ErrorInfo: z.string().optional(),
  Type: str,
  Name: str,
  Introduction: str,
  Notification: str,
  FaceUrl: str,
  Owner_Account: str,
  CreateTime: num,
  LastInfoTime: num,
  LastMsgTime: num,
  NextMsgSeq: num,
  MemberNum: num,
  MaxMemberNum: num,
  ApplyJoinOption: str,
  MuteAllMember: str,
  AppDefinedData: z.array(KeyValue).optional(),
  MemberList: z.array(MemberProfileSchema).optional(),
});

/** Member records that parse, and how many did not: one odd record never loses the page. */
export const LenientMemberList = z
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

/** A member filter naming the mute end also names its older spelling, so it comes back under either (docs/drift.md). */
export function withLegacyMuteField(filter: string[] | undefined): string[] | undefined {
  return filter?.includes("MuteUntil") && !filter.includes("ShutUpUntil") ? [...filter, "ShutUpUntil"] : filter;
}

export type MemberProfile = z.output<typeof MemberProfileSchema>;
export type GroupInfo = z.output<typeof GroupInfoSchema>;
export type KeyValue = z.output<typeof KeyValue>;
