// Posting to many people is confirmed like a large write: above 1,000 members, or when the audience is
// unknown (a live group's get_group_info may leave its member count out), a dry run's token is needed.
import { ChatInputError } from "../../chat/errors.js";
import type { ToolContext } from "../define.js";
import { quoteId } from "../shared/quote.js";
import { type GroupFacts, groupFacts } from "../shared/writes.js";

export const AUDIENCE_CONFIRM_ABOVE = 1000;

export function audienceConfirmation(f: GroupFacts): string | undefined {
  if (f.memberNum === undefined) return `the audience of this ${f.type} group is unknown`;
  return f.memberNum > AUDIENCE_CONFIRM_ABOVE
    ? `it reaches ${f.memberNum} members, more than ${AUDIENCE_CONFIRM_ABOVE}`
    : undefined;
}

/** The group's facts, and the accounts of `accounts` that are not members (refused before sending). */
export async function postingFacts(
  ctx: ToolContext,
  groupId: string,
  accounts: readonly string[],
  param: string,
): Promise<GroupFacts> {
  const facts = await groupFacts(ctx, groupId);
  if (accounts.length && facts.type !== "AVChatRoom") {
    const roles = await ctx.chat.roles(groupId, accounts, { signal: ctx.signal });
    const outsiders = roles.filter((r) => r.role === "NotMember").map((r) => quoteId(r.account));
    if (outsiders.length)
      throw new ChatInputError(
        param,
        `Not members of ${groupId}: ${outsiders.join(", ")}.`,
        undefined,
        "Name members only (check_members tells which accounts are).",
      );
  }
  return facts;
}
