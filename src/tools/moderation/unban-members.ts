import { z } from "zod";
import { BAN_PER_CALL } from "../../chat/apis/ban-group-member.js";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { AccountWriteOut, accountWriteText, DryRunParam, runAccountWrite } from "../shared/writes.js";
import { AccountsParam } from "./mute-members.js";

export default defineTool({
  name: "unban_members",
  title: "Lift bans in a group",
  description:
    "Lifts the ban of up to 1,000 accounts (REST unban_group_member, 20 per request); AVChatRoom, and other types where banning is on. " +
    "Needs no confirmation. Who is banned: get_banned_members. Audited.",
  inputSchema: z.object({ group_id: GroupIdParam, accounts: AccountsParam, dry_run: DryRunParam }).strict(),
  outputSchema: AccountWriteOut,
  annotations: writeAnnotations("Lift bans in a group", false),
  async handler(args, ctx) {
    const r = await runAccountWrite(
      ctx,
      {
        tool: "unban_members",
        api: "unban_group_member",
        chunk: BAN_PER_CALL,
        membersOnly: false,
        confirm: false,
        body: (c) => ({ GroupId: args.group_id, Members_Account: c }),
        send: (c) => ctx.chat.unban(args.group_id, c, { signal: ctx.signal }),
      },
      args,
    );
    return { data: r, text: accountWriteText("unban", r) };
  },
});
