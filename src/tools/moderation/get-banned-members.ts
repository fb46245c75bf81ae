import { z } from "zod";
import { BANNED_PER_CALL } from "../../chat/apis/get-group-ban-member.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";

// Pages read at most (10,000 banned accounts): a list beyond is said, not silently cut.
const MAX_PAGES = 100;

export default defineTool({
  name: "get_banned_members",
  title: "List the banned accounts of a live group",
  description:
    "Every banned account of an AVChatRoom (live group) and when its ban ends (REST get_group_ban_member, paged for you). " +
    "Other types answer with an error naming the alternatives. Ban or lift: ban_members / unban_members.",
  inputSchema: z.object({ group_id: GroupIdParam }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    count: z.number(),
    complete: z.boolean(),
    banned: z.array(z.object({ account: z.string(), banned_until: z.string() })),
  }),
  annotations: readOnlyAnnotations("List the banned accounts of a live group"),
  async handler(args, ctx) {
    const banned: { account: string; banned_until: string }[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null && pages < MAX_PAGES) {
      const page = await ctx.chat.bannedPage(
        { groupId: args.group_id, offset, limit: BANNED_PER_CALL },
        { signal: ctx.signal },
      );
      pages++;
      for (const b of page.banned)
        banned.push({ account: sanitizeText(b.account, 64), banned_until: isoFromSeconds(b.until) ?? "unknown" });
      offset = page.nextOffset;
    }
    const complete = offset === null;
    return {
      data: { group_id: args.group_id, count: banned.length, complete, banned },
      text: `${banned.length} banned in ${args.group_id}${complete ? "" : ` (first ${banned.length}; more exist)`}.${banned.length ? `\n${banned.map((b) => `${quoteId(b.account)} until ${b.banned_until}`).join("\n")}` : ""}`,
    };
  },
});
