import { z } from "zod";
import { ROLES_PER_CALL } from "../../chat/apis/get-role-in-group.js";
import { sanitizeText } from "../../core/sanitize.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";

export const ROLE_NAMES = ["Owner", "Admin", "Member", "NotMember"] as const;

export default defineTool({
  name: "get_member_roles",
  title: "Get the roles of accounts in a group",
  description:
    "Whether each of up to 500 accounts is in a Private (Work), Public, ChatRoom (Meeting) or Community group, and as Owner, Admin or Member " +
    "(REST get_role_in_group). Not AVChatRoom (use get_online_members). More accounts: check_members.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      accounts: z
        .array(AccountParam)
        .min(1)
        .max(ROLES_PER_CALL, `at most ${ROLES_PER_CALL} accounts; check_members takes up to 10,000`),
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    roles: z.array(z.object({ account: z.string(), role: z.string() })),
    by_role: z.object({ Owner: z.number(), Admin: z.number(), Member: z.number(), NotMember: z.number() }),
  }),
  annotations: readOnlyAnnotations("Get the roles of accounts in a group"),
  async handler(args, ctx) {
    const accounts = [...new Set(args.accounts)];
    const answer = await ctx.chat.roles(args.group_id, accounts, { signal: ctx.signal });
    const roles = answer.map((r) => ({ account: sanitizeText(r.account, 64), role: sanitizeText(r.role, 20) }));
    const byRole = { Owner: 0, Admin: 0, Member: 0, NotMember: 0 };
    for (const r of roles) if (r.role in byRole) byRole[r.role as keyof typeof byRole]++;
    return {
      data: { group_id: args.group_id, roles, by_role: byRole },
      text: `${args.group_id}: ${byRole.Owner} owner, ${byRole.Admin} admins, ${byRole.Member} members, ${byRole.NotMember} not members (of ${roles.length} accounts).\n${roles.map((r) => `${quoteId(r.account)}: ${r.role}`).join("\n")}`,
    };
  },
});
