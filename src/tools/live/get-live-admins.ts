import { z } from "zod";
import { sanitizeText } from "../../core/sanitize.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { quoteIds } from "../shared/quote.js";

export default defineTool({
  name: "get_live_admins",
  title: "List a live group's admins",
  description:
    "The admins of an AVChatRoom (live group; REST get_admin_list), at most 5; they need not be online. Other types: " +
    "get_member_roles or summarize_group_members.",
  inputSchema: z.object({ group_id: GroupIdParam }).strict(),
  outputSchema: z.object({ group_id: z.string(), admins: z.array(z.string()) }),
  annotations: readOnlyAnnotations("List a live group's admins"),
  async handler(args, ctx) {
    const admins = (await ctx.chat.liveAdmins(args.group_id, { signal: ctx.signal })).map((a) =>
      sanitizeText(a.account, 64),
    );
    return {
      data: { group_id: args.group_id, admins },
      text: admins.length
        ? `${args.group_id} has ${admins.length} admins: ${quoteIds(admins)}.`
        : `${args.group_id} has no admins.`,
    };
  },
});
