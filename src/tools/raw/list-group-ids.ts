import { z } from "zod";
import { GROUP_ID_PAGE_MAX } from "../../chat/apis/get-appid-group-list.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { StringOrNull } from "../shared/nullable.js";
import { GroupTypeParam } from "../shared/params.js";

export default defineTool({
  name: "list_group_ids",
  title: "List the app's group IDs (one page)",
  description:
    "One page of the app's group IDs, of any type or one (REST get_appid_group_list; Tencent allows 1 call per second per app). " +
    "To find groups by name, size, owner or activity use list_groups, which pages and filters for you.",
  inputSchema: z
    .object({
      group_type: GroupTypeParam.optional(),
      limit: z.number().int().min(1).max(GROUP_ID_PAGE_MAX).default(1000),
      next_cursor: z
        .string()
        .regex(/^\d{1,20}$/, "the next_cursor of the previous answer")
        .optional()
        .describe("The returned next_cursor (digits)."),
    })
    .strict(),
  outputSchema: z.object({
    total_count: z.number(),
    group_ids: z.array(z.string()),
    complete: z.boolean(),
    next_cursor: StringOrNull,
  }),
  annotations: readOnlyAnnotations("List the app's group IDs (one page)"),
  async handler(args, ctx) {
    const page = await ctx.chat.groupIdPage(
      { cursor: args.next_cursor ?? "0", limit: args.limit, type: args.group_type },
      { signal: ctx.signal },
    );
    // Every ID of the page reaches the text (hosts may show the model nothing else); limit is the cap.
    const how = page.next
      ? `Next page: call list_group_ids with ${JSON.stringify({ ...args, next_cursor: page.next })}`
      : "This is the last page.";
    return {
      data: {
        total_count: page.total,
        group_ids: page.ids,
        complete: page.next === null,
        next_cursor: page.next,
      },
      text: `${page.ids.length} group IDs (app total${args.group_type ? ` of type ${args.group_type}` : ""}: ${page.total}).\n${page.ids.join("\n")}\n${how}`,
    };
  },
});
