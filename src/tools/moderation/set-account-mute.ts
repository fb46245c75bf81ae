import { z } from "zod";
import { NOSPEAKING_FOREVER } from "../../chat/apis/nospeaking.js";
import { defineTool } from "../define.js";
import { AccountParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { authorizeWrite } from "../shared/write-guard.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { AccountMuteOut, accountMuteText, muteLeft } from "./get-account-mute.js";

const Duration = z
  .union([
    z
      .number()
      .int()
      .min(0)
      .max(NOSPEAKING_FOREVER - 1),
    z.literal("forever"),
  ])
  .optional();
const seconds = (d: number | "forever" | undefined) => (d === "forever" ? NOSPEAKING_FOREVER : d);
const said = (d: number | "forever" | undefined) =>
  d === undefined ? "unchanged" : d === 0 ? "lifted" : d === "forever" ? "forever" : `${d} s`;

export default defineTool({
  name: "set_account_mute",
  title: "Mute an account across the app",
  description:
    "Mutes (or with 0 lifts) one account across the whole app, in every group of any type and/or in one-to-one chats: " +
    "the spammer who hops groups (REST openconfigsvr/setnospeaking). One group only: mute_members. Audited.",
  inputSchema: z
    .object({
      account: AccountParam,
      group_seconds: Duration.describe("Group messages: seconds, 0 lifts, or forever."),
      direct_seconds: Duration.describe("One-to-one messages, likewise."),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict()
    .refine((a) => a.group_seconds !== undefined || a.direct_seconds !== undefined, {
      message: "give group_seconds, direct_seconds or both",
      path: ["group_seconds"],
    }),
  outputSchema: z.object({
    account: z.string(),
    dry_run: z.boolean(),
    before: z.object({ group: AccountMuteOut, direct: AccountMuteOut }),
    after: z.object({ group: AccountMuteOut, direct: AccountMuteOut }).optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Mute an account across the app", false),
  async handler(args, ctx) {
    const wanted = { group: seconds(args.group_seconds), direct: seconds(args.direct_seconds) };
    const body = {
      Set_Account: args.account,
      ...(wanted.direct !== undefined ? { C2CmsgNospeakingTime: wanted.direct } : {}),
      ...(wanted.group !== undefined ? { GroupmsgNospeakingTime: wanted.group } : {}),
    };
    const what = `group messages ${said(args.group_seconds)}, one-to-one messages ${said(args.direct_seconds)}`;
    // One account, but everywhere: the same threshold and budget as a mute of one member.
    const permit = args.dry_run
      ? undefined
      : await authorizeWrite(ctx, {
          tool: "set_account_mute",
          args,
          kind: "accounts",
          count: 1,
          summary: `set_account_mute: ${quoteId(args.account)} across the whole app (${what}): REST openconfigsvr/setnospeaking ${JSON.stringify(body)}`,
        });
    const now = await ctx.chat.accountMute(args.account, { signal: ctx.signal });
    const before = { group: muteLeft(now.group), direct: muteLeft(now.direct) };
    if (!permit) {
      const token = ctx.confirm.issue("set_account_mute", args);
      await ctx.audit({ tool: "set_account_mute", status: "dry_run", dry_run: true, args, outcome: { before } });
      return {
        data: { account: args.account, dry_run: true, before, confirm_token: token },
        text: `Dry run, nothing was sent. Now: ${accountMuteText(args.account, before.direct, before.group)}\nWould send setnospeaking ${JSON.stringify(body)} (${what}).\n${confirmLine(token)}`,
      };
    }
    await permit.commit();
    await ctx.chat.setAccountMute(args.account, wanted, { signal: ctx.signal });
    const read = await ctx.chat.accountMute(args.account, { signal: ctx.signal });
    const after = { group: muteLeft(read.group), direct: muteLeft(read.direct) };
    await ctx.audit({ tool: "set_account_mute", status: "done", dry_run: false, args, outcome: { before, after } });
    return {
      data: { account: args.account, dry_run: false, before, after },
      text: `Done (${what}). Now: ${accountMuteText(args.account, after.direct, after.group)}`,
    };
  },
});
