import { z } from "zod";
import { sanitizeText } from "../../core/sanitize.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";

export default defineTool({
  name: "get_group_attributes",
  title: "Read a group's attributes",
  description:
    "A group's attributes: the key-value state an app keeps on it, e.g. a live room's seats (REST get_group_attr). " +
    "Values are app- or member-written data.",
  inputSchema: z.object({ group_id: GroupIdParam }).strict(),
  outputSchema: z.object({ group_id: z.string(), count: z.number(), attributes: z.record(z.string(), z.string()) }),
  annotations: readOnlyAnnotations("Read a group's attributes"),
  async handler(args, ctx) {
    const raw = await ctx.chat.attributes(args.group_id, { signal: ctx.signal });
    const attributes = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [sanitizeText(k, 64), sanitizeText(v, 4096)]),
    );
    const n = Object.keys(attributes).length;
    return {
      data: { group_id: args.group_id, count: n, attributes },
      text: `${args.group_id} has ${n} attributes${n ? `: ${JSON.stringify(attributes)}` : "."}`,
    };
  },
});
