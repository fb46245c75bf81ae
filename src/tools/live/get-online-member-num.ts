import { z } from "zod";
import { routeGroup } from "../../aggregate/route.js";
import { ChatInputError } from "../../chat/errors.js";
import { hasOnlineCount, ONLINE_COUNT_REFRESH_SECONDS } from "../../chat/groups.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";

export default defineTool({
  name: "get_online_member_num",
  title: "Count online members",
  description:
    "How many members of an AVChatRoom (live group; REST group_open_http_svc/get_online_member_num, every 10 s) or a " +
    "Community (REST million_group_open_http_svc/get_online_member_num, every 4 min) are online. Many groups at once: " +
    "get_groups_overview or list_groups with include_online_count.",
  inputSchema: z.object({ group_id: GroupIdParam }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    group_type: z.string(),
    online_member_num: z.number(),
    refresh_interval_seconds: z.number(),
  }),
  annotations: readOnlyAnnotations("Count online members"),
  async handler(args, ctx) {
    // Community is known from its ID; other types cost one get_group_info call.
    const { type } = await routeGroup(ctx.chat, args.group_id, { signal: ctx.signal });
    if (!hasOnlineCount(type))
      throw new ChatInputError(
        "group_id",
        `${args.group_id} is a ${type} group: online counts exist only for AVChatRoom (live) and Community groups`,
        undefined,
        "For its members use summarize_group_members (counts by role, who spoke recently).",
      );
    const online = await ctx.chat.onlineCount(args.group_id, type, { signal: ctx.signal });
    const every = ONLINE_COUNT_REFRESH_SECONDS[type];
    return {
      data: { group_id: args.group_id, group_type: type, online_member_num: online, refresh_interval_seconds: every },
      text: `${online} members of ${args.group_id} (${type}) are online (the count refreshes every ${every >= 60 ? `${every / 60} minutes` : `${every} s`}).`,
    };
  },
});
