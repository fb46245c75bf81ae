// group_open_http_svc/get_joined_group_list: the groups one account belongs to, paged by Limit/Offset
// (https://trtc.io/document/34925). Live groups (AVChatRoom) and not-yet-active Work groups come back only
// when asked for.
import { z } from "zod";
import { GroupInfoSchema } from "../response-schemas.js";
import { defineApi, intRange, UserId } from "./define.js";
import { LISTABLE_GROUP_TYPES } from "./get-appid-group-list.js";

/**
 * The page leaves Limit's maximum unsaid ("all groups" when omitted). Pages of at most 1,000 keep an answer
 * with profiles well under the 1 MB cap; the safe reading until a maximum is documented (docs/drift.md).
 */
export const JOINED_PAGE_MAX = 1000;

const SelfInfo = z.looseObject({
  Role: z
    .string()
    .transform((r) => r.trim())
    .optional(),
  JoinTime: z.number().optional().catch(undefined),
  MsgFlag: z.string().optional().catch(undefined),
  UnreadMsgNum: z.number().optional().catch(undefined),
});

export const getJoinedGroupList = defineApi({
  name: "get_joined_group_list",
  service: "group_open_http_svc",
  command: "get_joined_group_list",
  doc: "https://trtc.io/document/34925",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  request: z.object({
    Member_Account: UserId,
    Limit: intRange(1, JOINED_PAGE_MAX).optional(),
    Offset: intRange(0, 2 ** 31 - 1).optional(),
    GroupType: z.enum(LISTABLE_GROUP_TYPES).optional(),
    /** 1 = include live groups (AVChatRoom). */
    WithHugeGroups: z.union([z.literal(0), z.literal(1)]).optional(),
    /** 1 = include Work groups joined but not yet active. */
    WithNoActiveGroups: z.union([z.literal(0), z.literal(1)]).optional(),
    ResponseFilter: z
      .object({
        GroupBaseInfoFilter: z.array(z.string()).optional(),
        SelfInfoFilter: z.array(z.string()).optional(),
      })
      .optional(),
  }),
  response: z.looseObject({
    TotalCount: z.number().int().nonnegative().default(0),
    GroupIdList: z
      .array(z.unknown())
      .default([])
      .transform((items) =>
        items.flatMap((item) => {
          const g = GroupInfoSchema.extend({ SelfInfo: SelfInfo.optional().catch(undefined) }).safeParse(item);
          return g.success ? [g.data] : [];
        }),
      ),
  }),
  unsupported: {
    meaning: "The admin may not read this account's groups.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
