import { z } from "zod";
import { MUTE_FOREVER } from "../../chat/apis/forbid-send-msg.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds, nowSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";

export default defineTool({
  name: "get_muted_members",
  title: "List the muted members of a group",
  description:
    "Who is muted in a group of any type (Private/Work, Public, ChatRoom/Meeting, AVChatRoom, Community) and until when (REST get_group_muted_account). " +
    "Mute or lift: mute_members / unmute_members.",
  inputSchema: z.object({ group_id: GroupIdParam }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    count: z.number(),
    muted: z.array(z.object({ account: z.string(), muted_until: z.string() })),
  }),
  annotations: readOnlyAnnotations("List the muted members of a group"),
  async handler(args, ctx) {
    const now = nowSeconds();
    const muted = (await ctx.chat.mutedMembers(args.group_id, { signal: ctx.signal }))
      .filter((m) => m.until > now)
      .map((m) => ({
        account: sanitizeText(m.account, 64),
        muted_until: m.until >= MUTE_FOREVER ? "permanent" : (isoFromSeconds(m.until) ?? "unknown"),
      }));
    return {
      data: { group_id: args.group_id, count: muted.length, muted },
      text: `${muted.length} muted in ${args.group_id}.${muted.length ? `\n${muted.map((m) => `${quoteId(m.account)} until ${m.muted_until}`).join("\n")}` : ""}`,
    };
  },
});
