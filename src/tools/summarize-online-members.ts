import { z } from "zod";
import { budgetSignal, makeBudget, outOfTime } from "../aggregate/budget.js";
import { onlinePages } from "../aggregate/paginate.js";
import { isCommunityGroupId } from "../chat/group-types.js";
import { LIMITS } from "../chat/limits.js";
import { isoFromSeconds, nowSeconds } from "../core/time.js";
import { defineTool, readOnlyAnnotations } from "./define.js";
import { ONLINE_LIST_CAVEAT } from "./get-online-members.js";
import { MaxSecondsParam } from "./shared/budget-params.js";
import { OnlineMemberOut, onlineMemberToOutput } from "./shared/member.js";
import { StringOrNull } from "./shared/nullable.js";
import { GroupIdParam, MarkParam } from "./shared/params.js";

const SAMPLE = 10;

export default defineTool({
  name: "summarize_online_members",
  title: "Summarize who is online in a live group",
  description:
    "Pages through the whole online member list of an AVChatRoom (live/audio-video group; also documented for Community) with " +
    "NextTimestamp (REST group_open_avchatroom_http_svc/get_members) and returns counts instead of the list: members listed, how many " +
    "joined in the last 5/60 minutes, the newest and oldest join, and a sample. Optional mark filter. Plainly: the list is capped at the " +
    "1,000 most recent online members (30 on lower editions) and cached for 10-40 s, so it is not a census; for a Community the exact online " +
    "count (refreshed every 4 min) is added. Not for Private/Public/ChatRoom groups (use summarize_group_members).",
  toolset: "aggregate",
  write: false,
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      mark: MarkParam.optional().describe(
        "Only members with this mark (>= 1000, or 500/600; 600 = the hidden members).",
      ),
      max_seconds: MaxSecondsParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    complete: z.boolean(),
    listed: z.number().describe("Online members in the list (at most the cap)."),
    list_cap: z.number(),
    may_be_capped: z
      .boolean()
      .describe("true when the list is at a cap (1,000, or 30 on lower editions), so more may be online."),
    online_member_num: z.number().optional().describe("Community only: the exact online count (4-minute refresh)."),
    joined_last_5_minutes: z.number(),
    joined_last_hour: z.number(),
    newest_join: StringOrNull,
    oldest_join: StringOrNull,
    sample: z.array(OnlineMemberOut),
    pages: z.number(),
    as_of: z.string(),
    caveat: z.string(),
  }),
  annotations: readOnlyAnnotations("Summarize who is online in a live group"),
  async handler(args, ctx) {
    const now = nowSeconds();
    const budget = makeBudget(args.max_seconds, Number.MAX_SAFE_INTEGER, ctx.signal);
    let listed = 0;
    let pages = 0;
    let last5 = 0;
    let lastHour = 0;
    let newest = 0;
    let oldest = Number.POSITIVE_INFINITY;
    let complete = false;
    const sample: z.infer<typeof OnlineMemberOut>[] = [];
    const signal = budgetSignal(budget);
    try {
      for await (const page of onlinePages(ctx.chat, {
        groupId: args.group_id,
        timestamp: 0,
        mark: args.mark,
        signal,
      })) {
        pages++;
        for (const m of page.members) {
          listed++;
          const t = m.JoinTime ?? 0;
          if (t >= now - 300) last5++;
          if (t >= now - 3600) lastHour++;
          if (t > newest) newest = t;
          if (t > 0 && t < oldest) oldest = t;
          if (sample.length < SAMPLE) sample.push(onlineMemberToOutput(m));
        }
        await ctx.progress({ progress: listed, message: `${pages} pages, ${listed} online members` });
        if (page.nextTimestamp === 0) complete = true;
        if (outOfTime(budget)) break;
      }
    } catch (err) {
      // The deadline aborted a page in flight: report what was read (cancellation still propagates).
      if (ctx.signal.aborted || !signal.aborted) throw err;
    }
    let onlineNum: number | undefined;
    if (isCommunityGroupId(args.group_id))
      onlineNum = (await ctx.chat.getCommunityOnlineMemberNum({ GroupId: args.group_id }, { signal: ctx.signal }))
        .OnlineMemberNum;
    // A list exactly at a cap is a truncated list, not an empty audience beyond it (reference §A.1).
    const mayBeCapped = listed >= LIMITS.onlineListCap || listed === LIMITS.onlineListCapLowerEdition;
    const data = {
      group_id: args.group_id,
      complete,
      listed,
      list_cap: LIMITS.onlineListCap,
      may_be_capped: mayBeCapped,
      ...(onlineNum !== undefined ? { online_member_num: onlineNum } : {}),
      joined_last_5_minutes: last5,
      joined_last_hour: lastHour,
      newest_join: isoFromSeconds(newest),
      oldest_join: Number.isFinite(oldest) ? isoFromSeconds(oldest) : null,
      sample,
      pages,
      as_of: isoFromSeconds(now) ?? "",
      caveat: ONLINE_LIST_CAVEAT,
    };
    const text = [
      `${args.group_id}: ${listed} online members listed${args.mark !== undefined ? ` with mark ${args.mark}` : ""}${complete ? "" : " (PARTIAL: the time budget ran out)"}${mayBeCapped ? `; the list is at its cap (${listed}), so more members may be online` : ""}.`,
      onlineNum !== undefined ? `Community online count: ${onlineNum} (refreshed every 4 minutes).` : "",
      `Joined in the last 5 minutes: ${last5}; in the last hour: ${lastHour}. Newest join ${data.newest_join ?? "n/a"}, oldest ${data.oldest_join ?? "n/a"}.`,
      `Sample: ${sample.map((m) => m.account).join(", ") || "none"}.`,
      `Note: ${ONLINE_LIST_CAVEAT}`,
    ].filter(Boolean);
    return { data, text: text.join("\n") };
  },
});
