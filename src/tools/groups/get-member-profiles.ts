import { z } from "zod";
import { nowSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { AccountsParam } from "../moderation/mute-members.js";
import { MemberProfileOut, memberToOutput, profileOf, renderMemberLines } from "../shared/member.js";
import { CustomKeysParam, GroupIdParam } from "../shared/params.js";
import { quoteIds } from "../shared/quote.js";

export default defineTool({
  name: "get_member_profiles",
  title: "Get named members' profiles",
  description:
    "Profiles of up to 500 named accounts in a group of any type but AVChatRoom (REST get_specified_group_member_info, " +
    "50 a request): role, join time, name card, mute end, last message, custom data; the others are not members. " +
    "Live groups: get_online_members.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      accounts: AccountsParam.max(500),
      custom_keys: CustomKeysParam.optional(),
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    members: z.array(MemberProfileOut),
    not_members: z.array(z.string()),
  }),
  annotations: readOnlyAnnotations("Get named members' profiles"),
  async handler(args, ctx) {
    const res = await ctx.chat.namedMembers(
      {
        groupId: args.group_id,
        accounts: args.accounts,
        fields: ["role", "join_time", "last_send_msg_time", "muted_until", "name_card"],
        customKeys: args.custom_keys,
      },
      { signal: ctx.signal },
    );
    const now = nowSeconds();
    const members = res.members.map((m) => profileOf(memberToOutput(m, now)));
    const found = new Set(members.map((m) => m.account));
    const notMembers = args.accounts.filter((a) => !found.has(a));
    return {
      data: { group_id: args.group_id, members, not_members: notMembers },
      text: [
        `${members.length} of ${args.accounts.length} accounts are members of ${args.group_id}.`,
        renderMemberLines(members),
        notMembers.length ? `Not members: ${quoteIds(notMembers)}.` : "",
        res.skipped ? `${res.skipped} malformed member records were left out.` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    };
  },
});
