import { z } from "zod";
import { JOINED_PAGE_MAX } from "../../chat/apis/get-joined-group-list.js";
import type { JoinedGroup } from "../../chat/groups.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GROUP_ROW_FIELDS, GroupRowOut, groupRow, groupRowLine } from "../shared/group.js";
import { NumberOrNull } from "../shared/nullable.js";
import { AccountParam, GroupTypeParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";

export const JoinedGroupOut = GroupRowOut.extend({
  role: z.string().optional(),
  join_time: z.string().optional(),
});

/** A group's row with the account's own role and join time in it (fields Tencent did not send stay out). */
export function joinedGroupRow(g: JoinedGroup): z.infer<typeof JoinedGroupOut> {
  const joined = isoFromSeconds(g.SelfInfo?.JoinTime);
  return {
    ...groupRow(g),
    ...(g.SelfInfo?.Role ? { role: sanitizeText(g.SelfInfo.Role, 20) } : {}),
    ...(joined ? { join_time: joined } : {}),
  };
}

export default defineTool({
  name: "get_joined_groups",
  title: "Get one page of a user's groups",
  description:
    "One page of the groups an account belongs to, of every type or one, with the account's role and join time in each " +
    "(REST get_joined_group_list). Live groups (AVChatRoom) are included unless include_live is false; Tencent's data on them may be incomplete. " +
    "All of a user's groups with counts: get_user_groups.",
  inputSchema: z
    .object({
      account: AccountParam,
      group_type: GroupTypeParam.optional(),
      include_live: z.boolean().default(true),
      limit: z.number().int().min(1).max(JOINED_PAGE_MAX).default(100),
      offset: z.number().int().min(0).default(0).describe("The returned next_offset."),
    })
    .strict(),
  outputSchema: z.object({
    account: z.string(),
    total: z.number(),
    groups: z.array(JoinedGroupOut),
    complete: z.boolean(),
    next_offset: NumberOrNull,
  }),
  annotations: readOnlyAnnotations("Get one page of a user's groups"),
  async handler(args, ctx) {
    const page = await ctx.chat.joinedGroups(
      {
        account: args.account,
        offset: args.offset,
        limit: args.limit,
        type: args.group_type,
        includeLive: args.include_live,
        baseFields: GROUP_ROW_FIELDS,
      },
      { signal: ctx.signal },
    );
    const groups = page.groups.map(joinedGroupRow);
    // Offset pages end when a page is short or reaches the total.
    const end = args.offset + page.groups.length;
    const next = page.groups.length < args.limit || end >= page.total ? null : end;
    return {
      data: {
        account: args.account,
        total: page.total,
        groups,
        complete: next === null,
        next_offset: next,
      },
      text: [
        `${quoteId(args.account)} belongs to ${page.total} groups${args.group_type ? ` of type ${args.group_type}` : ""}${args.include_live ? "" : " (live groups left out)"}; ${groups.length} shown from offset ${args.offset}.`,
        ...groups.map((g) => groupRowLine(g, g.role ? ` · role ${g.role}` : "")),
        next === null
          ? "This is the last page."
          : `Next page: call get_joined_groups with ${JSON.stringify({ ...args, offset: next })}`,
      ].join("\n"),
    };
  },
});
