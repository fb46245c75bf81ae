// group_open_avchatroom_http_svc/get_members: the latest online members of a live group, paged by
// Timestamp / NextTimestamp (https://www.tencentcloud.com/document/product/1047/50293).
import { z } from "zod";
import { isValidMark } from "../marks.js";
import { defineApi, GroupId, intRange } from "./define.js";

export const getMembers = defineApi({
  name: "get_members",
  service: "group_open_avchatroom_http_svc",
  command: "get_members",
  doc: "https://www.tencentcloud.com/document/product/1047/50293",
  // The English page says AVChatRoom and Community; the 2025-11 zh page says AVChatRoom only (docs/drift.md).
  groupTypes: ["AVChatRoom", "Community"],
  request: z.object({
    GroupId,
    Timestamp: intRange(0, Number.MAX_SAFE_INTEGER),
    Mark: z
      .number()
      .refine(isValidMark, { error: "is not a valid mark", params: { allowed: "an integer >= 1000, or 500 / 600" } })
      .optional(),
  }),
  response: z.looseObject({
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
    /** 0 = complete; otherwise the next page's Timestamp. */
    NextTimestamp: z.number().int().nonnegative().default(0),
  }),
  unsupported: {
    meaning: "Online member lists exist only for AVChatRoom (and Community per the current docs).",
    nextStep: "For other group types use get_group_member_info or summarize_group_members.",
  },
});
