import { z } from "zod";
import { LIMITS } from "../../chat/limits.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { OnlineMemberOut, onlineMemberLine, onlineMemberToOutput } from "../shared/member.js";
import { GroupIdParam, MarkParam } from "../shared/params.js";

export const ONLINE_LIST_CAVEAT =
  "The list holds at most the 1,000 most recently joined online members (only 30 on editions below Pro/Premium or without the console switch " +
  '"List of online audio-video group members"), refreshed every 10-40 s; it is not a census of the audience. Members with mark 600 are hidden unless you ask for mark 600.';

export default defineTool({
  name: "get_online_members",
  title: "Get online members of a live group",
  description:
    "One page (<= 500, newest first) of the online list of an AVChatRoom (live group; also documented for Community; REST get_members). " +
    "The list holds at most the 1,000 latest online members (30 on lower editions), cached 10-40 s. Other group types: " +
    "get_group_member_info. Whole list: summarize_online_members.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      timestamp: z.number().int().min(0).default(0).describe("The returned next_timestamp (0 first)."),
      mark: MarkParam.optional().describe("Only members with this mark (600 = hidden ones)."),
      fields: z
        .array(z.enum(["nick_name", "avatar", "join_time"]))
        .optional()
        .describe("Fields besides account (default nick_name, join_time)."),
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    returned: z.number(),
    members: z.array(OnlineMemberOut),
    next_timestamp: z.number(),
    complete: z.boolean(),
    caveat: z.string(),
  }),
  annotations: readOnlyAnnotations("Get online members of a live group"),
  async handler(args, ctx) {
    const page = await ctx.chat.onlinePage(
      { groupId: args.group_id, timestamp: args.timestamp, mark: args.mark },
      { signal: ctx.signal },
    );
    // Only the fields asked for: avatars (URLs) cost tokens and rarely help, so they come only on request.
    const wanted = new Set(args.fields ?? ["nick_name", "join_time"]);
    const members = page.members.map(onlineMemberToOutput).map((m) => ({
      account: m.account,
      ...(wanted.has("nick_name") && m.nick_name !== undefined ? { nick_name: m.nick_name } : {}),
      ...(wanted.has("avatar") && m.avatar !== undefined ? { avatar: m.avatar } : {}),
      ...(wanted.has("join_time") && m.join_time !== undefined ? { join_time: m.join_time } : {}),
    }));
    // Every member with every field asked for: hosts may show the model nothing but the text.
    const shown = members.map(onlineMemberLine);
    const how = page.nextTimestamp
      ? `More online members: call get_online_members with ${JSON.stringify({ ...args, timestamp: page.nextTimestamp })}`
      : "This is the last page.";
    return {
      data: {
        group_id: args.group_id,
        returned: members.length,
        members,
        next_timestamp: page.nextTimestamp,
        complete: page.nextTimestamp === 0,
        caveat: ONLINE_LIST_CAVEAT,
      },
      text: `${members.length} online members of ${args.group_id}${args.mark !== undefined ? ` with mark ${args.mark}` : ""} (cap: ${LIMITS.onlineListCap} latest).\n${shown.join("\n")}\n${how}\nNote: ${ONLINE_LIST_CAVEAT}`,
    };
  },
});
