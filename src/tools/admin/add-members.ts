import { z } from "zod";
import { ADD_PER_CALL } from "../../chat/apis/add-group-member.js";
import { defineTool } from "../define.js";
import { AccountsParam } from "../moderation/mute-members.js";
import { GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import {
  AccountWriteOut,
  accountWriteText,
  ConfirmTokenParam,
  DryRunParam,
  runAccountWrite,
} from "../shared/writes.js";

export default defineTool({
  name: "add_members",
  title: "Add members to a group",
  description:
    `Adds up to 1,000 accounts to a group of any type but AVChatRoom (REST add_group_member, ${ADD_PER_CALL} per request), ` +
    "with an outcome per account: added, already a member, or failed. Over 20 accounts needs a dry run's confirm_token. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      accounts: AccountsParam,
      silent: z.boolean().default(false).describe("Tell nobody."),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: AccountWriteOut,
  annotations: writeAnnotations("Add members to a group", false),
  async handler(args, ctx) {
    const r = await runAccountWrite(
      ctx,
      {
        tool: "add_members",
        api: "add_group_member",
        chunk: ADD_PER_CALL,
        refuseType: (type) =>
          type === "AVChatRoom"
            ? {
                message: "Live groups (AVChatRoom) cannot have members added: users join them from the app.",
                nextStep: "Nothing to add; moderate a live group with mute_members or ban_members.",
              }
            : undefined,
        membersOnly: false,
        skipMembers: true,
        confirm: true,
        body: (c) => ({
          GroupId: args.group_id,
          ...(args.silent ? { Silence: 1 } : {}),
          MemberList: c.map((Member_Account) => ({ Member_Account })),
        }),
        async send(c) {
          const results = await ctx.chat.add(args.group_id, c, args.silent, { signal: ctx.signal });
          const failed = results.filter((x) => x.result === "failed").map((x) => x.account);
          return {
            done: results.filter((x) => x.result === "added").map((x) => x.account),
            unchanged: results
              .filter((x) => x.result === "already_member" || x.result === "invited")
              .map(
                (x) =>
                  `${quoteId(x.account)}: ${x.result === "invited" ? "invited, joins on accepting" : "already a member"}`,
              ),
            failed: failed.length
              ? [
                  {
                    accounts: failed,
                    meaning:
                      "Tencent did not add them (result 0): banned from the group, at their own group limit, or not accounts of this app.",
                    nextStep:
                      "Check each account (get_banned_members, get_user_groups); a retry does not help until the cause is gone.",
                  },
                ]
              : [],
          };
        },
      },
      args,
    );
    return { data: r, text: accountWriteText("add", r) };
  },
});
