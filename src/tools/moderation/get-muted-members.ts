import { z } from "zod";
import { MUTE_FOREVER } from "../../chat/apis/forbid-send-msg.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds, nowSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";
import { requireTopic, TopicParam, topicPhrase, whereOf } from "../shared/topic.js";

export default defineTool({
  name: "get_muted_members",
  title: "List the muted members of a group",
  description:
    "Who is muted in a group of any type (Private/Work, Public, ChatRoom/Meeting, AVChatRoom, Community) and until when (REST get_group_muted_account). " +
    "Mute or lift: mute_members / unmute_members.",
  inputSchema: z.object({ group_id: GroupIdParam, topic_id: TopicParam.optional() }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    topic_id: z.string().optional(),
    count: z.number(),
    muted: z.array(z.object({ account: z.string(), muted_until: z.string() })),
  }),
  annotations: readOnlyAnnotations("List the muted members of a group"),
  async handler(args, ctx) {
    const topic = args.topic_id ? await requireTopic(ctx, args.group_id, args.topic_id) : undefined;
    const now = nowSeconds();
    const muted = (await ctx.chat.mutedMembers(whereOf(args.group_id, topic), { signal: ctx.signal }))
      .filter((m) => m.until > now)
      .map((m) => ({
        account: sanitizeText(m.account, 64),
        muted_until: m.until >= MUTE_FOREVER ? "permanent" : (isoFromSeconds(m.until) ?? "unknown"),
      }));
    return {
      data: { group_id: args.group_id, ...(topic ? { topic_id: topic.topicId } : {}), count: muted.length, muted },
      text: `${muted.length} muted in ${args.group_id}${topicPhrase(topic)}.${muted.length ? `\n${muted.map((m) => `${quoteId(m.account)} until ${m.muted_until}`).join("\n")}` : ""}`,
    };
  },
});
