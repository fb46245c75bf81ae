import { z } from "zod";
import { ChatInputError } from "../../chat/errors.js";
import { firstMemberCursor, MEMBER_FIELD_NAMES, type MemberCursor, maxMemberPage } from "../../chat/groups.js";
import { nowSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { MemberOut, memberToOutput, renderMemberLines } from "../shared/member.js";
import { CustomKeysParam, GroupIdParam, RoleParam } from "../shared/params.js";

export default defineTool({
  name: "get_group_member_info",
  title: "Get one page of group members",
  description:
    "One page of members (role, join and last-message time, mute end, name card) of a Private (Work), Public, ChatRoom (Meeting) or " +
    "Community group (REST get_group_member_info); not AVChatRoom (use get_online_members). The answer names the next page's call. " +
    "Whole-group questions: summarize_group_members or find_group_members.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      limit: z.number().int().min(1).max(200).default(100).describe("1-200; 1-100 for Community."),
      offset: z.number().int().min(0).optional().describe("Non-Community groups: the returned next.offset."),
      next_cursor: z.string().max(64).optional().describe("Community only: the returned next.next_cursor."),
      roles: z.array(RoleParam).min(1).optional(),
      fields: z.array(z.enum(MEMBER_FIELD_NAMES)).min(1).optional().describe("Only these fields (default all)."),
      custom_keys: CustomKeysParam.optional(),
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    member_num: z.number(),
    returned: z.number(),
    skipped_records: z.number().optional().describe("Malformed member records Tencent sent, left out."),
    members: z.array(MemberOut),
    complete: z.boolean(),
    next: z.object({ offset: z.number().optional(), next_cursor: z.string().optional() }).nullable(),
  }),
  annotations: readOnlyAnnotations("Get one page of group members"),
  async handler(args, ctx) {
    // The paging rules (Community = cursor only, its smaller page) are the request schema's; here they are
    // said in this tool's own parameter names.
    const first = firstMemberCursor(args.group_id);
    const community = first.kind === "next";
    if (community && args.offset !== undefined)
      throw new ChatInputError(
        "offset",
        "Community groups (IDs starting @TGS#_) do not support offset paging",
        "use next_cursor: omit it first, then pass the returned next.next_cursor",
      );
    if (!community && args.next_cursor !== undefined)
      throw new ChatInputError(
        "next_cursor",
        "next_cursor is only for Community groups (IDs starting @TGS#_)",
        "use offset for this group",
      );
    if (args.limit > maxMemberPage(args.group_id))
      throw new ChatInputError(
        "limit",
        `limit ${args.limit} is too large for a Community group`,
        `1-${maxMemberPage(args.group_id)}`,
      );
    const at: MemberCursor = community
      ? { kind: "next", next: args.next_cursor ?? "" }
      : { kind: "offset", offset: args.offset ?? 0 };
    const page = await ctx.chat.memberPage(
      {
        groupId: args.group_id,
        at,
        limit: args.limit,
        roles: args.roles,
        fields: args.fields,
        customKeys: args.custom_keys,
      },
      { signal: ctx.signal },
    );
    const nowS = nowSeconds();
    const members = page.members.map((m) => memberToOutput(m, nowS));
    const next =
      page.next && (page.next.kind === "next" ? { next_cursor: page.next.next } : { offset: page.next.offset });
    // The exact next call: the same arguments with the next position instead of this one.
    const { offset: _thisOffset, next_cursor: _thisCursor, ...sameArgs } = args;
    const how = next
      ? `Next page: call get_group_member_info with ${JSON.stringify({ ...sameArgs, ...next })}`
      : "This is the last page.";
    return {
      data: {
        group_id: args.group_id,
        member_num: page.memberNum,
        returned: members.length,
        ...(page.skipped ? { skipped_records: page.skipped } : {}),
        members,
        complete: next === null,
        next,
      },
      text: `${members.length} members of ${args.group_id} (group total ${page.memberNum}).${page.skipped ? ` ${page.skipped} malformed member records were left out.` : ""}\n${renderMemberLines(members)}\n${how}`,
    };
  },
});
