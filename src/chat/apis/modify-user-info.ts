// group_open_avchatroom_http_svc/modify_user_info: set (1) or delete (2) marks on online AVChatRoom members
// (https://trtc.io/document/50294). Offline accounts are left out of the answer without an error.
import { z } from "zod";
import { isCustomMark, isValidMark, MARK_RULES } from "../marks.js";
import { defineApi, GroupId, UserId } from "./define.js";

export const modifyUserInfo = defineApi({
  name: "modify_user_info",
  service: "group_open_avchatroom_http_svc",
  command: "modify_user_info",
  doc: "https://trtc.io/document/50294",
  groupTypes: ["AVChatRoom"],
  // Retried like reads: setting or deleting the same marks twice leaves the same state.
  writes: true,
  request: z
    .object({
      GroupId,
      CommandType: z.union([z.literal(1), z.literal(2)], { error: "must be 1 (set) or 2 (delete)" }),
      MemberList: z
        .array(
          z.object({
            Member_Account: UserId,
            Marks: z
              .array(
                z.number().refine(isValidMark, {
                  error: "holds a mark that is not allowed",
                  params: { allowed: "integers >= 1000, or the special 500 and 600" },
                }),
              )
              .min(1),
          }),
        )
        .min(1)
        .max(MARK_RULES.maxAccountsPerCall),
    })
    .refine(
      (r) => new Set(r.MemberList.flatMap((m) => m.Marks).filter(isCustomMark)).size <= MARK_RULES.maxDistinctPerGroup,
      {
        error: `name more than ${MARK_RULES.maxDistinctPerGroup} distinct marks`,
        path: ["Marks"],
        params: { allowed: `at most ${MARK_RULES.maxDistinctPerGroup} distinct marks per group` },
      },
    ),
  response: z.looseObject({
    CommandType: z.union([z.literal(1), z.literal(2)]).optional(),
    /** Only the accounts whose marks were applied. */
    MemberList: z
      .array(z.looseObject({ Member_Account: z.string(), Marks: z.array(z.number()).default([]) }))
      .default([]),
  }),
  unsupported: {
    meaning: "Member marks exist only in AVChatRoom groups, and only the App admin or the group owner may set them.",
    nextStep: "Use an AVChatRoom group ID; check TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
