import { z } from "zod";
import { ChatInputError } from "../chat/errors.js";
import { isCommunityGroupId } from "../chat/group-types.js";
import { LIMITS } from "../chat/limits.js";
import type { GetGroupMemberInfoRequest } from "../chat/wire-types.js";
import { nowSeconds } from "../core/time.js";
import { defineTool, readOnlyAnnotations } from "./define.js";
import { MemberOut, memberToOutput, renderMemberLines } from "./shared/member.js";
import { CustomKeysParam, GroupIdParam, RoleParam } from "./shared/params.js";

const FIELD_MAP = {
  role: "Role",
  join_time: "JoinTime",
  msg_seq: "MsgSeq",
  msg_flag: "MsgFlag",
  last_send_msg_time: "LastSendMsgTime",
  muted_until: "MuteUntil",
  name_card: "NameCard",
} as const;
type FieldName = keyof typeof FIELD_MAP;
const FIELD_NAMES = Object.keys(FIELD_MAP) as [FieldName, ...FieldName[]];

export default defineTool({
  name: "get_group_member_info",
  title: "Get one page of group members",
  description:
    "One page of members (role, join and last-message time, mute end, name card) of a Private (Work), Public, ChatRoom (Meeting) or " +
    "Community group (REST get_group_member_info); not AVChatRoom (use get_online_members). The answer names the next page's call. " +
    "Whole-group questions: summarize_group_members or find_group_members.",
  toolset: "raw",
  write: false,
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      limit: z.number().int().min(1).max(200).default(100).describe("1-200; 1-100 for Community."),
      offset: z.number().int().min(0).optional().describe("Non-Community groups: the returned next.offset."),
      next_cursor: z.string().max(64).optional().describe("Community only: the returned next.next_cursor."),
      roles: z.array(RoleParam).min(1).optional(),
      fields: z.array(z.enum(FIELD_NAMES)).min(1).optional().describe("Only these fields (default all)."),
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
    const community = isCommunityGroupId(args.group_id);
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
    if (community && args.limit > LIMITS.memberInfoMaxLimitNext)
      throw new ChatInputError(
        "limit",
        `limit ${args.limit} is too large for a Community group`,
        `1-${LIMITS.memberInfoMaxLimitNext}`,
      );
    const req: GetGroupMemberInfoRequest = { GroupId: args.group_id, Limit: args.limit };
    if (community) req.Next = args.next_cursor ?? "";
    else req.Offset = args.offset ?? 0;
    if (args.roles) req.MemberRoleFilter = [...new Set(args.roles)];
    if (args.fields) req.MemberInfoFilter = args.fields.map((f) => FIELD_MAP[f]);
    if (args.custom_keys) req.AppDefinedDataFilter_GroupMember = args.custom_keys;
    const page = await ctx.chat.getGroupMemberInfo(req, { signal: ctx.signal });
    const nowS = nowSeconds();
    const members = page.MemberList.map((m) => memberToOutput(m, nowS));
    let next: { offset?: number; next_cursor?: string } | null;
    if (community) next = page.Next ? { next_cursor: page.Next } : null;
    else {
      // Offset mode ends when the page is short or reaches MemberNum (reference §A.3). With a role filter
      // a page may be short before the end (docs/drift.md): step by the limit and stop only at MemberNum.
      const filtered = (req.MemberRoleFilter?.length ?? 0) > 0;
      const end = (req.Offset ?? 0) + (filtered ? args.limit : page.MemberList.length + (page.SkippedMembers ?? 0));
      next = (!filtered && members.length < args.limit) || end >= page.MemberNum ? null : { offset: end };
    }
    const how = next
      ? `Next page: call get_group_member_info with group_id=${args.group_id} and ${next.next_cursor !== undefined ? `next_cursor="${next.next_cursor}"` : `offset=${next.offset}`} (same limit and filters).`
      : "This is the last page.";
    return {
      data: {
        group_id: args.group_id,
        member_num: page.MemberNum,
        returned: members.length,
        ...(page.SkippedMembers ? { skipped_records: page.SkippedMembers } : {}),
        members,
        complete: next === null,
        next,
      },
      text: `${members.length} members of ${args.group_id} (group total ${page.MemberNum}).${page.SkippedMembers ? ` ${page.SkippedMembers} malformed member records were left out.` : ""}\n${renderMemberLines(members)}\n${how}`,
    };
  },
});
