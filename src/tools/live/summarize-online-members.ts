import { z } from "zod";
import { budgetSignal, makeBudget, outOfTime } from "../../aggregate/budget.js";
import { onlinePages } from "../../aggregate/paginate.js";
import { bindingOf } from "../../aggregate/resume-cursor.js";
import { asUpstreamFailure, errorStop, type UpstreamFailure } from "../../aggregate/upstream.js";
import { isCommunityGroupId } from "../../chat/group-types.js";
import { LIMITS } from "../../chat/limits.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds, nowSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import {
  continueText,
  MaxSecondsParam,
  ResumeCursorParam,
  StopReasonOut,
  UpstreamErrorOut,
} from "../shared/budget-params.js";
import { OnlineMemberOut } from "../shared/member.js";
import { StringOrNull } from "../shared/nullable.js";
import { GroupIdParam, MarkParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";
import { ONLINE_LIST_CAVEAT } from "./get-online-members.js";

const SAMPLE = 10;
const NAME = "summarize_online_members";
const EDGE_CAP = 50; // viewers of one boundary second; keeps the cursor small

// What a resume cursor carries: the counters so far (the list position is the cursor's Next).
const OnlineStateSchema = z.object({
  now: z.number(),
  listed: z.number().int().min(0),
  pages: z.number().int().min(0),
  last5: z.number().int().min(0),
  lastHour: z.number().int().min(0),
  newest: z.number().min(0),
  oldest: z.number().min(0),
  sample: z.array(z.object({ a: z.string().max(64), t: z.number() })).max(SAMPLE),
  /** Accounts of the boundary second already counted (they come back on the next page). */
  edge: z.array(z.string().max(64)).max(EDGE_CAP).default([]),
});
type OnlineState = z.infer<typeof OnlineStateSchema>;

export default defineTool({
  name: NAME,
  title: "Summarize who is online in a live group",
  description:
    "Counts over the whole online list of an AVChatRoom (live group; also Community; REST get_members, paged for you): listed, " +
    "joined in the last 5/60 min, newest/oldest join, sample, and the true online count. The list holds at most the " +
    "1,000 latest online members (30 on lower editions): not a census. Other types: summarize_group_members.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      mark: MarkParam.optional().describe("Only members with this mark (600 = hidden ones)."),
      max_seconds: MaxSecondsParam,
      resume_cursor: ResumeCursorParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    complete: z.boolean(),
    listed: z.number(),
    list_cap: z.number(),
    may_be_capped: z.boolean().describe("At a list cap: more may be online."),
    online_member_num: z.number().optional(),
    joined_last_5_minutes: z.number(),
    joined_last_hour: z.number(),
    list_covers_minutes: z.number().describe("How far back the listed joins reach; longer windows are lower bounds."),
    newest_join: StringOrNull,
    oldest_join: StringOrNull,
    sample: z.array(OnlineMemberOut),
    pages: z.number(),
    as_of: z.string(),
    caveat: z.string(),
    stopped_because: StopReasonOut,
    resume_cursor: z.string().optional(),
    upstream_error: UpstreamErrorOut.optional(),
  }),
  annotations: readOnlyAnnotations("Summarize who is online in a live group"),
  async handler(args, ctx) {
    const bind = bindingOf([args.group_id, args.mark ?? null]);
    const resumed = args.resume_cursor
      ? ctx.cursors.decode(args.resume_cursor, NAME, bind, OnlineStateSchema)
      : undefined;
    const st: OnlineState = resumed?.state ?? {
      now: nowSeconds(),
      listed: 0,
      pages: 0,
      last5: 0,
      lastHour: 0,
      newest: 0,
      oldest: 0,
      sample: [],
      edge: [],
    };
    const seen = new Set<string>(st.edge);
    const now = st.now;
    const budget = makeBudget(args.max_seconds, Number.MAX_SAFE_INTEGER, ctx.signal);
    let complete = false;
    // NextTimestamp of the page not read yet: where a continuation starts.
    let at = resumed?.pos.kind === "next" ? Number(resumed.pos.next) || 0 : 0;
    let stopped: "max_seconds" | "upstream_error" | undefined;
    let failure: UpstreamFailure | undefined;
    let readNow = 0;
    const signal = budgetSignal(budget);
    try {
      for await (const page of onlinePages(ctx.chat, {
        groupId: args.group_id,
        timestamp: at,
        mark: args.mark,
        signal,
        patientUntilMs: budget.deadlineMs,
      })) {
        st.pages++;
        readNow++;
        for (const m of page.members) {
          // NextTimestamp is inclusive: viewers who joined in the boundary second come back on the next
          // page. Count each account once (the cursor carries the boundary second's accounts across calls).
          if (seen.has(m.Member_Account)) continue;
          seen.add(m.Member_Account);
          st.listed++;
          const t = m.JoinTime ?? 0;
          if (t >= now - 300) st.last5++;
          if (t >= now - 3600) st.lastHour++;
          if (t > st.newest) st.newest = t;
          if (t > 0 && (st.oldest === 0 || t < st.oldest)) st.oldest = t;
          if (st.sample.length < SAMPLE) st.sample.push({ a: sanitizeText(m.Member_Account, 64), t });
        }
        at = page.nextTimestamp;
        st.edge = page.members
          .filter((m) => m.JoinTime === at)
          .map((m) => m.Member_Account.slice(0, 64))
          .slice(0, EDGE_CAP);
        await ctx.progress({ progress: st.listed, message: `${st.pages} pages, ${st.listed} online members` });
        if (page.nextTimestamp === 0) complete = true;
        if (!complete && outOfTime(budget)) {
          stopped = "max_seconds";
          break;
        }
      }
    } catch (err) {
      // The deadline aborted a page in flight, or a page failed beyond its retries: report what was read.
      ({ reason: stopped, failure } = errorStop(err, {
        cancelled: ctx.signal,
        deadline: signal,
        haveResults: readNow > 0 || resumed !== undefined,
      }));
    }
    const resumeCursor =
      !complete && stopped
        ? ctx.cursors.encode({ tool: NAME, bind, pos: { kind: "next", next: String(at) }, skip: 0, state: st })
        : undefined;
    const { listed, last5, lastHour, newest, pages } = st;
    const oldest = st.oldest || Number.POSITIVE_INFINITY;
    const sample = st.sample.map((m) => ({ account: m.a, join_time: isoFromSeconds(m.t) }));
    // The true online count next to the capped list: Community's (4-minute refresh) or the live group's
    // (10 s). The list summary stands on its own: a failed count is left out, not a reason to lose the list.
    let onlineNum: number | undefined;
    const community = isCommunityGroupId(args.group_id);
    try {
      onlineNum = await ctx.chat.onlineCount(args.group_id, community ? "Community" : "AVChatRoom", {
        signal: ctx.signal,
      });
    } catch (err) {
      if (ctx.signal.aborted || !asUpstreamFailure(err)) throw err;
    }
    // A list exactly at a cap is a truncated list, not an empty audience beyond it (https://www.tencentcloud.com/document/product/1047/50293).
    const mayBeCapped = listed >= LIMITS.onlineListCap || listed === LIMITS.onlineListCapLowerEdition;
    // A capped (or partial) list is the newest joins only: it reaches back to its oldest join, and a
    // window longer than that can only give a lower bound.
    const coversMinutes = Number.isFinite(oldest) ? Math.max(0, Math.floor((now - oldest) / 60)) : 0;
    const lowerBound = (mayBeCapped || !complete) && coversMinutes < 60;
    const data = {
      group_id: args.group_id,
      complete,
      listed,
      list_cap: LIMITS.onlineListCap,
      may_be_capped: mayBeCapped,
      ...(onlineNum !== undefined ? { online_member_num: onlineNum } : {}),
      joined_last_5_minutes: last5,
      joined_last_hour: lastHour,
      list_covers_minutes: coversMinutes,
      newest_join: isoFromSeconds(newest),
      oldest_join: Number.isFinite(oldest) ? isoFromSeconds(oldest) : null,
      sample,
      pages,
      as_of: isoFromSeconds(now) ?? "",
      caveat: ONLINE_LIST_CAVEAT,
      stopped_because: complete ? ("done" as const) : (stopped ?? "done"),
      ...(resumeCursor ? { resume_cursor: resumeCursor } : {}),
      ...(failure ? { upstream_error: failure } : {}),
    };
    const text = [
      `${args.group_id}: ${listed} online members listed${args.mark !== undefined ? ` with mark ${args.mark}` : ""}${complete ? "" : ` (PARTIAL: ${stopped === "upstream_error" ? "an upstream error" : "the time budget ran out"})`}${mayBeCapped ? `; the list is at its cap (${listed}), so more members may be online` : ""}.`,
      onlineNum !== undefined
        ? `Online now: ${onlineNum} (${community ? "Community count, refreshed every 4 minutes" : "live-group count, refreshed every 10 s"})${onlineNum > listed ? `; the list shows ${listed} of them` : ""}.`
        : "",
      `Joined in the last 5 minutes: ${last5}${lowerBound && coversMinutes < 5 ? "+" : ""}; in the last hour: ${lastHour}${lowerBound ? "+" : ""}. Newest join ${data.newest_join ?? "n/a"}, oldest ${data.oldest_join ?? "n/a"}.`,
      lowerBound
        ? `The list reaches back only ${coversMinutes} minutes (its cap keeps the newest joins), so counts marked + are lower bounds.`
        : "",
      `Sample (newest first): ${sample.map((m) => `${quoteId(m.account)} (joined ${m.join_time ?? "unknown"})`).join(", ") || "none"}.`,
      `Note: ${ONLINE_LIST_CAVEAT}`,
      complete
        ? ""
        : continueText(
            NAME,
            { group_id: args.group_id, ...(args.mark !== undefined ? { mark: args.mark } : {}) },
            resumeCursor,
            failure,
          ),
    ].filter(Boolean);
    return { data, text: text.join("\n") };
  },
});
