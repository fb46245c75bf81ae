// group_open_http_svc/get_group_member_info: member profiles, paged by Offset, or by the Next cursor in
// Community groups (https://www.tencentcloud.com/document/product/1047/34948).
import { z } from "zod";
import { isCommunityGroupId } from "../group-types.js";
import { LenientMemberList, withLegacyMuteField } from "../response-schemas.js";
import { defineApi, GroupId, intRange } from "./define.js";

/** Offset pages: the page's prose says at most 200 (its field table says 6,000: docs/drift.md); Next pages: 100. */
export const MEMBER_PAGE_MAX = { offset: 200, next: 100 } as const;

export const getGroupMemberInfo = defineApi({
  name: "get_group_member_info",
  service: "group_open_http_svc",
  command: "get_group_member_info",
  doc: "https://www.tencentcloud.com/document/product/1047/34948",
  // AVChatRoom has no member list; Community only through the Next cursor.
  groupTypes: ["Private", "Public", "ChatRoom", "Community"],
  request: z
    .object({
      GroupId,
      MemberInfoFilter: z.array(z.string()).optional().transform(withLegacyMuteField),
      MemberRoleFilter: z.array(z.string()).optional(),
      AppDefinedDataFilter_GroupMember: z.array(z.string()).optional(),
      Limit: intRange(1, MEMBER_PAGE_MAX.offset).optional(),
      Offset: intRange(0, 2 ** 31 - 1).optional(),
      /** Community only: "" on the first call, then the returned Next. Opaque. */
      Next: z.string().max(256).optional(),
    })
    .check((ctx) => {
      const r = ctx.value;
      const community = isCommunityGroupId(r.GroupId);
      if (community && r.Offset !== undefined)
        ctx.issues.push({
          code: "custom",
          input: r.Offset,
          path: ["Offset"],
          message: "is not supported by Community groups (IDs starting @TGS#_)",
          params: { allowed: 'Next: "" first, then the returned Next' },
        });
      if (!community && r.Next !== undefined)
        ctx.issues.push({
          code: "custom",
          input: r.Next,
          path: ["Next"],
          message: "pages only Community groups (IDs starting @TGS#_)",
          params: { allowed: "Limit and Offset" },
        });
      if (community && (r.Limit ?? 0) > MEMBER_PAGE_MAX.next)
        ctx.issues.push({
          code: "custom",
          input: r.Limit,
          path: ["Limit"],
          message: `${r.Limit} is too large for a Community group`,
          params: { allowed: `1-${MEMBER_PAGE_MAX.next}` },
        });
    })
    // Community defaults: the largest page and the empty first cursor.
    .transform((r) =>
      isCommunityGroupId(r.GroupId) ? { ...r, Limit: r.Limit ?? MEMBER_PAGE_MAX.next, Next: r.Next ?? "" } : r,
    ),
  response: z.looseObject({
    MemberNum: z.number().int().nonnegative().default(0),
    MemberList: LenientMemberList,
    // Opaque cursor: a JSON string that may look like an integer above 2^53. Never parse it.
    Next: z.string().optional(),
  }),
  unsupported: {
    meaning:
      "This group type has no member list through get_group_member_info (AVChatRoom), or the admin may not read the requested fields.",
    nextStep:
      "For an AVChatRoom use get_online_members or summarize_online_members. Otherwise check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
