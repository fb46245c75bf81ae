import { z } from "zod";
import { REMOVE_PER_CALL } from "../../chat/apis/delete-group-member.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import {
  AccountWriteOut,
  accountWriteText,
  ConfirmTokenParam,
  DryRunParam,
  runAccountWrite,
} from "../shared/writes.js";
import { AccountsParam } from "./mute-members.js";

export default defineTool({
  name: "remove_members",
  title: "Remove members from a group",
  description:
    "Removes up to 1,000 members from a Private (Work), Public, ChatRoom (Meeting) or Community group (REST delete_group_member, 100 per request); " +
    "never the owner; not AVChatRoom (use ban_members). Over 20 accounts needs a dry run's confirm_token. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      accounts: AccountsParam,
      reason: z.string().max(200).optional(),
      silent: z.boolean().default(false).describe("Tell only the removed members."),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: AccountWriteOut,
  annotations: writeAnnotations("Remove members from a group", true),
  async handler(args, ctx) {
    const r = await runAccountWrite(
      ctx,
      {
        tool: "remove_members",
        api: "delete_group_member",
        chunk: REMOVE_PER_CALL,
        refuseType: (type) =>
          type === "AVChatRoom"
            ? {
                message: "Live groups (AVChatRoom) have no member list to remove members from.",
                nextStep: "Use ban_members to keep them out of the live group, or mute_members.",
              }
            : undefined,
        membersOnly: true,
        protectOwner: "the group owner is never removed",
        confirm: true,
        body: (c) => ({
          GroupId: args.group_id,
          MemberToDel_Account: c,
          ...(args.silent ? { Silence: 1 } : {}),
          ...(args.reason ? { Reason: args.reason } : {}),
        }),
        send: (c) =>
          ctx.chat.remove(args.group_id, c, { reason: args.reason, silent: args.silent }, { signal: ctx.signal }),
      },
      args,
    );
    return { data: r, text: accountWriteText("remove", r) };
  },
});
