import { z } from "zod";
import { sanitizeText } from "../../core/sanitize.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { CounterKeysParam } from "./params.js";

export default defineTool({
  name: "get_group_counters",
  title: "Read a group's counters",
  description:
    "A group's counters (integers an app keeps on it, e.g. likes), all or these keys (REST get_group_counter); any " +
    "type but a Community with topics.",
  inputSchema: z.object({ group_id: GroupIdParam, keys: CounterKeysParam.optional() }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    counters: z.record(z.string(), z.number()),
    missing: z.array(z.string()).optional(),
  }),
  annotations: readOnlyAnnotations("Read a group's counters"),
  async handler(args, ctx) {
    const raw = await ctx.chat.counters(args.group_id, args.keys, { signal: ctx.signal });
    const counters = Object.fromEntries(Object.entries(raw).map(([k, v]) => [sanitizeText(k, 128), v]));
    const missing = (args.keys ?? []).filter((k) => !(k in raw));
    return {
      data: { group_id: args.group_id, counters, ...(missing.length ? { missing } : {}) },
      text: `${args.group_id} counters: ${Object.keys(counters).length ? JSON.stringify(counters) : "none"}${missing.length ? `; not set: ${missing.map((k) => JSON.stringify(k)).join(", ")}` : ""}.`,
    };
  },
});
