import { z } from "zod";
import { NOSPEAKING_FOREVER } from "../../chat/apis/nospeaking.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { StringOrNull } from "../shared/nullable.js";
import { AccountParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";

/** Seconds left as an agent reads them: none, forever, or until when. */
export function muteLeft(seconds: number, nowMs = Date.now()): { seconds: number; until: string | null } {
  if (seconds === NOSPEAKING_FOREVER) return { seconds, until: "forever" };
  return { seconds, until: seconds > 0 ? new Date(nowMs + seconds * 1000).toISOString() : null };
}

export const AccountMuteOut = z.object({
  seconds: z.number(),
  until: StringOrNull.describe("ISO time, forever, or null (not muted)."),
});

const describeMute = (what: string, m: z.infer<typeof AccountMuteOut>) =>
  m.until === null
    ? `${what}: not muted`
    : m.until === "forever"
      ? `${what}: muted forever`
      : `${what}: muted until ${m.until}`;

export function accountMuteText(
  account: string,
  direct: z.infer<typeof AccountMuteOut>,
  group: z.infer<typeof AccountMuteOut>,
) {
  return `${quoteId(account)} app-wide: ${describeMute("group messages", group)}; ${describeMute("one-to-one messages", direct)}.`;
}

export default defineTool({
  name: "get_account_mute",
  title: "Get an account's app-wide mute",
  description:
    "Whether an account is muted across the whole app (every group of any type, and one-to-one chats) and until when " +
    "(REST openconfigsvr/getnospeaking). Per-group mutes: get_muted_members.",
  inputSchema: z.object({ account: AccountParam }).strict(),
  outputSchema: z.object({ account: z.string(), group: AccountMuteOut, direct: AccountMuteOut }),
  annotations: readOnlyAnnotations("Get an account's app-wide mute"),
  async handler(args, ctx) {
    const m = await ctx.chat.accountMute(args.account, { signal: ctx.signal });
    const group = muteLeft(m.group);
    const direct = muteLeft(m.direct);
    return { data: { account: args.account, group, direct }, text: accountMuteText(args.account, direct, group) };
  },
});
