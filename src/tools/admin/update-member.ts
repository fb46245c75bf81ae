import { z } from "zod";
import { MUTE_FOREVER } from "../../chat/apis/forbid-send-msg.js";
import { NAME_CARD_MAX_BYTES } from "../../chat/apis/modify-group-member-info.js";
import { ChatInputError } from "../../chat/errors.js";
import { nowSeconds } from "../../core/time.js";
import { defineTool, type ToolContext } from "../define.js";
import { MemberProfileOut, memberLine, memberToOutput, profileOf } from "../shared/member.js";
import { AccountParam, customDataParam, GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { authorizeWrite } from "../shared/write-guard.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";

/** The member as the other tools show it, read with get_specified_group_member_info. */
async function readMember(ctx: ToolContext, groupId: string, account: string, customKeys?: string[]) {
  const res = await ctx.chat.namedMembers(
    {
      groupId,
      accounts: [account],
      fields: ["role", "join_time", "muted_until", "name_card"],
      customKeys,
    },
    { signal: ctx.signal },
  );
  const m = res.members[0];
  if (!m) return undefined;
  return profileOf(memberToOutput(m, nowSeconds()));
}

export default defineTool({
  name: "update_member",
  title: "Change a member's role, name card, mute or custom data",
  description:
    "Makes a member Admin or Member, sets its name card, mutes it for a time (0 lifts) or sets member custom data, in " +
    "a group of any type but AVChatRoom (REST modify_group_member_info); never the owner's role. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      account: AccountParam,
      role: z.enum(["Admin", "Member"]).optional(),
      name_card: z
        .string()
        .refine(
          (s) => Buffer.byteLength(s) <= NAME_CARD_MAX_BYTES,
          `a name card is at most ${NAME_CARD_MAX_BYTES} bytes (UTF-8)`,
        )
        .optional()
        .describe(`At most ${NAME_CARD_MAX_BYTES} bytes.`),
      mute_seconds: z
        .union([
          z
            .number()
            .int()
            .min(0)
            .max(MUTE_FOREVER - 1),
          z.literal("forever"),
        ])
        .optional()
        .describe("0 lifts."),
      custom: customDataParam("Member custom data").optional(),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict()
    .refine(
      (a) =>
        a.role !== undefined || a.name_card !== undefined || a.mute_seconds !== undefined || a.custom !== undefined,
      { message: "give role, name_card, mute_seconds or custom", path: ["role"] },
    ),
  outputSchema: z.object({
    group_id: z.string(),
    account: z.string(),
    dry_run: z.boolean(),
    before: MemberProfileOut,
    after: MemberProfileOut.optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Change a member's role, name card, mute or custom data", false),
  async handler(args, ctx) {
    const muteSeconds = args.mute_seconds === "forever" ? MUTE_FOREVER : args.mute_seconds;
    const change = {
      ...(args.role ? { role: args.role } : {}),
      ...(args.name_card !== undefined ? { nameCard: args.name_card } : {}),
      ...(muteSeconds !== undefined ? { muteSeconds } : {}),
      ...(args.custom ? { custom: args.custom } : {}),
    };
    const what = [
      args.role && `role ${args.role}`,
      args.name_card !== undefined && `name card ${JSON.stringify(args.name_card)}`,
      muteSeconds !== undefined &&
        (muteSeconds === 0
          ? "lift the mute"
          : `mute ${args.mute_seconds === "forever" ? "forever" : `${muteSeconds} s`}`),
      args.custom && `custom data ${JSON.stringify(args.custom)}`,
    ]
      .filter(Boolean)
      .join(", ");
    const permit = args.dry_run
      ? undefined
      : await authorizeWrite(ctx, {
          tool: "update_member",
          groupId: args.group_id,
          args,
          kind: "accounts",
          count: 1,
          summary: `update_member: ${quoteId(args.account)} in ${args.group_id}: ${what} (REST modify_group_member_info)`,
        });
    // Checked before sending: a member, and never the owner's role.
    const customKeys = args.custom ? Object.keys(args.custom) : undefined;
    const before = await readMember(ctx, args.group_id, args.account, customKeys);
    if (!before)
      throw new ChatInputError(
        "account",
        `${quoteId(args.account)} is not a member of ${args.group_id}`,
        undefined,
        "Check the account with check_members or get_member_profiles.",
      );
    if (args.role && before.role === "Owner")
      throw new ChatInputError(
        "role",
        `${quoteId(args.account)} owns ${args.group_id}: the owner's role cannot be changed`,
        undefined,
        "Hand the group to another member first (transfer of ownership), then change this account's role.",
      );
    if (!permit) {
      const token = ctx.confirm.issue("update_member", args);
      await ctx.audit({
        tool: "update_member",
        group_id: args.group_id,
        status: "dry_run",
        dry_run: true,
        args,
        outcome: { before },
      });
      return {
        data: { group_id: args.group_id, account: args.account, dry_run: true, before, confirm_token: token },
        text: `Dry run, nothing was sent. Now: ${memberLine(before)}\nWould send modify_group_member_info for ${quoteId(args.account)} in ${args.group_id}: ${what}.\n${confirmLine(token)}`,
      };
    }
    await permit.commit();
    await ctx.chat.updateMember(args.group_id, args.account, change, { signal: ctx.signal });
    const after = await readMember(ctx, args.group_id, args.account, customKeys);
    await ctx.audit({
      tool: "update_member",
      group_id: args.group_id,
      status: "done",
      dry_run: false,
      args,
      outcome: { before, after },
    });
    return {
      data: { group_id: args.group_id, account: args.account, dry_run: false, before, ...(after ? { after } : {}) },
      text: `Done (${what}).\nBefore: ${memberLine(before)}\nNow: ${after ? memberLine(after) : "not found"}`,
    };
  },
});
