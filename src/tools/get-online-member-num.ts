import { z } from "zod";
import { LIMITS } from "../chat/limits.js";
import { defineTool, readOnlyAnnotations } from "./define.js";
import { GroupIdParam } from "./shared/params.js";

export default defineTool({
  name: "get_online_member_num",
  title: "Count online members of a Community",
  description:
    "Online member count of a Community group (ID starts @TGS#_; REST get_online_member_num), refreshed every 4 minutes. " +
    "Other group types answer 10007; for an AVChatRoom use summarize_online_members.",
  toolset: "raw",
  inputSchema: z.object({ group_id: GroupIdParam }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    online_member_num: z.number(),
    refresh_interval_seconds: z.number(),
  }),
  annotations: readOnlyAnnotations("Count online members of a Community"),
  async handler(args, ctx) {
    const online = await ctx.chat.onlineCount(args.group_id, false, { signal: ctx.signal });
    return {
      data: {
        group_id: args.group_id,
        online_member_num: online,
        refresh_interval_seconds: LIMITS.communityOnlineRefreshSeconds,
      },
      text: `${online} members of ${args.group_id} are online (the count refreshes every 4 minutes).`,
    };
  },
});
