import { z } from "zod";
import { BAN_PER_CALL } from "../../chat/apis/ban-group-member.js";
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
  name: "ban_members",
  title: "Ban accounts from a group",
  description:
    "Bans up to 1,000 accounts for a duration: they leave, get no messages and cannot rejoin (REST ban_group_member, 20 per request). " +
    "Documented for AVChatRoom (live groups); other types need the top plan and a console switch, and the error says so. Never the owner. " +
    "Over 20 accounts needs a dry run's confirm_token. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      accounts: AccountsParam,
      duration_seconds: z.number().int().min(1).max(4_294_967_295),
      reason: z.string().max(200).optional(),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: AccountWriteOut,
  annotations: writeAnnotations("Ban accounts from a group", true),
  async handler(args, ctx) {
    const r = await runAccountWrite(
      ctx,
      {
        tool: "ban_members",
        api: "ban_group_member",
        chunk: BAN_PER_CALL,
        // A ban also keeps non-members out: every account is sent. Which types can ban is for Tencent to say.
        membersOnly: false,
        protectOwner: "the group owner is never banned",
        confirm: true,
        body: (c) => ({
          GroupId: args.group_id,
          Members_Account: c,
          Duration: args.duration_seconds,
          ...(args.reason ? { Description: args.reason } : {}),
        }),
        send: (c) => ctx.chat.ban(args.group_id, c, args.duration_seconds, args.reason, { signal: ctx.signal }),
      },
      args,
    );
    return { data: r, text: accountWriteText(`ban (${args.duration_seconds} s)`, r) };
  },
});
