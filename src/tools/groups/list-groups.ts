import { z } from "zod";
import { budgetCallOptions, budgetSignal, makeBudget, outOfTime } from "../../aggregate/budget.js";
import { onlineCounts } from "../../aggregate/online-counts.js";
import { chunksOf, orderedConcurrent } from "../../aggregate/pool.js";
import { bindingOf } from "../../aggregate/resume-cursor.js";
import { errorStop, type UpstreamFailure } from "../../aggregate/upstream.js";
import { GROUP_ID_PAGE_MAX } from "../../chat/apis/get-appid-group-list.js";
import { hasOnlineCount } from "../../chat/groups.js";
import { LIMITS } from "../../chat/limits.js";
import type { GroupInfo } from "../../chat/response-schemas.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import {
  ContinuationOut,
  continueText,
  MaxSecondsParam,
  ResumeCursorParam,
  type StopReasonOut,
} from "../shared/budget-params.js";
import { GROUP_ROW_FIELDS, type GroupRow, GroupRowOut, groupRow, groupRowLine } from "../shared/group.js";
import { AccountParam, GroupTypeParam, IsoDateParam, secondsOf } from "../shared/params.js";

const NAME = "list_groups";
// Profile batches in flight at once; the client's bucket keeps them under get_group_info's 200/s.
const CONCURRENCY = 8;

const Count = z.number().int().min(0);
const StateSchema = z.object({
  scanned: Count,
  matched: Count,
  unreadable: Count,
  total: Count,
  byType: z.record(z.string().max(20), Count),
});
type State = z.infer<typeof StateSchema>;

export default defineTool({
  name: NAME,
  title: "Find groups of the app",
  description:
    "Finds the app's groups of any type by type, name, member count, owner, mute-all or inactivity; can sort by size " +
    "(members, or online for live groups). Pages the ID list (1 page/s, 10,000 IDs each) and reads profiles in batches of " +
    "50 (REST get_appid_group_list + get_group_info). Known IDs: get_groups_overview.",
  inputSchema: z
    .object({
      group_type: GroupTypeParam.optional(),
      name_contains: z.string().min(1).max(60).optional().describe("Case-insensitive."),
      min_members: z.number().int().min(0).optional(),
      max_members: z.number().int().min(0).optional(),
      owner: AccountParam.optional(),
      inactive_since: IsoDateParam.optional().describe("ISO date, e.g. 2026-10-01; no message since."),
      mute_all: z.boolean().optional(),
      include_online_count: z.boolean().default(false).describe("Online counts of live groups and Communities."),
      sort_by: z
        .enum(["members", "online"])
        .optional()
        .describe("Largest first over every group read; online implies include_online_count."),
      max_results: z.number().int().min(1).max(10_000).default(100),
      max_seconds: MaxSecondsParam,
      resume_cursor: ResumeCursorParam,
    })
    .strict(),
  outputSchema: z.object({
    groups: z.array(GroupRowOut),
    matched: z.number(),
    scanned: z.number(),
    total_in_app: z.number(),
    scanned_by_type: z.record(z.string(), z.number()),
    unreadable: z.number().optional(),
    complete: z.boolean(),
    ...ContinuationOut,
  }),
  annotations: readOnlyAnnotations("Find groups of the app"),
  async handler(args, ctx) {
    const filters = {
      group_type: args.group_type,
      name_contains: args.name_contains,
      min_members: args.min_members,
      max_members: args.max_members,
      owner: args.owner,
      inactive_since: args.inactive_since,
      mute_all: args.mute_all,
    };
    const bind = bindingOf(filters);
    const resumed = args.resume_cursor ? ctx.cursors.decode(args.resume_cursor, NAME, bind, StateSchema) : undefined;
    const state: State = resumed?.state ?? { scanned: 0, matched: 0, unreadable: 0, total: 0, byType: {} };
    const needle = args.name_contains?.toLowerCase();
    const quietSince = secondsOf(args.inactive_since);
    const matches = (g: GroupInfo): boolean => {
      if (needle && !(g.Name ?? "").toLowerCase().includes(needle)) return false;
      // A live group may come without a member count: it cannot meet a member bound.
      if (args.min_members !== undefined && (g.MemberNum === undefined || g.MemberNum < args.min_members)) return false;
      if (args.max_members !== undefined && (g.MemberNum === undefined || g.MemberNum > args.max_members)) return false;
      if (args.owner !== undefined && g.Owner_Account !== args.owner) return false;
      if (quietSince !== undefined && (g.LastMsgTime ?? 0) >= quietSince) return false;
      if (args.mute_all !== undefined && (g.MuteAllMember === "On") !== args.mute_all) return false;
      return true;
    };

    const budget = makeBudget(args.max_seconds, args.max_results, ctx.signal);
    const signal = budgetSignal(budget);
    // Profile batches still in flight when the call has what it needs are cancelled, not left running.
    const finished = new AbortController();
    const batchSignal = AbortSignal.any([signal, finished.signal]);
    let found: GroupRow[] = [];
    const sortBy = args.sort_by;
    const withOnline = args.include_online_count || sortBy === "online";
    const sizeOf = (r: GroupRow) => (sortBy === "online" ? (r.online ?? -1) : (r.member_num ?? -1));
    // Sorted: every group is read and the largest max_results are kept; unsorted: stop at max_results.
    const keepLargest = () => {
      found.sort((a, b) => sizeOf(b) - sizeOf(a));
      found = found.slice(0, args.max_results);
    };
    let cursor = resumed?.pos.kind === "next" ? resumed.pos.next : "0";
    let skip = resumed?.skip ?? 0;
    let reason: z.infer<typeof StopReasonOut> = "done";
    let failure: UpstreamFailure | undefined;
    // Where to resume: the ID page's cursor and how many of its IDs are done.
    let resumeAt: { next: string; skip: number } | undefined;
    let readSomething = resumed !== undefined;

    scan: for (;;) {
      let done = skip;
      try {
        const page = await ctx.chat.groupIdPage(
          { cursor, limit: GROUP_ID_PAGE_MAX, type: args.group_type },
          budgetCallOptions(budget, signal),
        );
        state.total = page.total;
        const ids = page.ids.slice(skip);
        const batches = chunksOf(ids, LIMITS.groupInfoMaxGroups);
        for await (const { batch, res, online } of orderedConcurrent(batches, CONCURRENCY, async (batch) => {
          const opts = budgetCallOptions(budget, batchSignal);
          const res = await ctx.chat.profiles(batch, { baseFields: GROUP_ROW_FIELDS }, opts);
          const counted = withOnline ? res.groups.filter((g) => matches(g) && hasOnlineCount(String(g.Type))) : [];
          const online = await onlineCounts(
            ctx.chat,
            counted.map((g) => ({ id: g.GroupId, type: String(g.Type) })),
            CONCURRENCY,
            opts,
          );
          return { batch, res, online };
        })) {
          readSomething = true;
          const byId = new Map(res.groups.map((g) => [g.GroupId, g]));
          for (const id of batch) {
            done++;
            const g = byId.get(id);
            if (!g) {
              state.unreadable++;
              continue;
            }
            state.scanned++;
            const type = String(g.Type ?? "?");
            state.byType[type] = (state.byType[type] ?? 0) + 1;
            if (!matches(g)) continue;
            state.matched++;
            const row = groupRow(g);
            const count = online.get(id);
            if (count !== undefined) row.online = count;
            found.push(row);
            if (sortBy) {
              if (found.length >= 2 * args.max_results) keepLargest();
              continue;
            }
            if (found.length >= args.max_results) {
              const atEnd = done >= page.ids.length && page.next === null;
              if (!atEnd) {
                reason = "max_items";
                resumeAt =
                  done >= page.ids.length && page.next ? { next: page.next, skip: 0 } : { next: cursor, skip: done };
              }
              break scan;
            }
          }
          await ctx.progress({
            progress: state.scanned + state.unreadable,
            total: state.total,
            message: `${state.scanned} groups read, ${state.matched} match`,
          });
        }
        if (page.next === null) break;
        cursor = page.next;
        skip = 0;
        if (outOfTime(budget)) {
          reason = "max_seconds";
          resumeAt = { next: cursor, skip: 0 };
          break;
        }
      } catch (err) {
        // The deadline aborted a request in flight, or a call failed beyond its retries: keep what was read.
        ({ reason, failure } = errorStop(err, { cancelled: ctx.signal, deadline: signal, haveResults: readSomething }));
        resumeAt = { next: cursor, skip: done };
        break;
      }
    }

    finished.abort();
    if (sortBy) keepLargest();
    const resumeCursor = resumeAt
      ? ctx.cursors.encode({ tool: NAME, bind, pos: { kind: "next", next: resumeAt.next }, skip: resumeAt.skip, state })
      : undefined;
    const complete = resumeAt === undefined;
    const sameArgs = Object.fromEntries(
      Object.entries({
        ...filters,
        ...(args.include_online_count ? { include_online_count: true } : {}),
        sort_by: sortBy,
        max_results: args.max_results,
      }).filter(([, v]) => v !== undefined),
    );
    // Matches of this call that a sorted listing left out (the smallest).
    const thisCallMatched = state.matched - (resumed?.state.matched ?? 0);
    const leftOut = sortBy ? thisCallMatched - found.length : 0;
    const types = Object.entries(state.byType)
      .map(([t, n]) => `${n} ${t}`)
      .join(", ");
    const text = [
      `${complete ? "All" : "PARTIAL:"} ${state.scanned} of ${state.total} groups${args.group_type ? ` of type ${args.group_type}` : ""} read (${types || "none"})${complete ? "" : " so far"}; ${state.matched} match${resumed ? " (counts include earlier calls)" : ""}; ${found.length} returned by this call${sortBy ? `, ${sortBy === "online" ? "most online" : "most members"} first${resumed || !complete ? " (sorted within this call's part of the scan)" : ""}` : ""}.`,
      ...found.map((r) => groupRowLine(r)),
      leftOut > 0
        ? `… and ${leftOut} smaller matching groups. All of them: call list_groups with ${JSON.stringify({ ...sameArgs, max_results: Math.min(10_000, thisCallMatched), ...(args.resume_cursor ? { resume_cursor: args.resume_cursor } : {}) })}`
        : "",
      found.length >= args.max_results && !complete
        ? `Stopped at max_results=${args.max_results}: narrow the filters, or continue for more.`
        : "",
      complete ? "" : continueText(NAME, sameArgs, resumeCursor, failure),
    ].filter(Boolean);
    return {
      data: {
        groups: found,
        matched: state.matched,
        scanned: state.scanned,
        total_in_app: state.total,
        scanned_by_type: state.byType,
        ...(state.unreadable ? { unreadable: state.unreadable } : {}),
        complete,
        ...(resumeCursor ? { resume_cursor: resumeCursor } : {}),
        stopped_because: reason,
        ...(failure ? { upstream_error: failure } : {}),
      },
      text: text.join("\n"),
    };
  },
});
