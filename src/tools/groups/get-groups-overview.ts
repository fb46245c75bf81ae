import { z } from "zod";
import { onlineCounts } from "../../aggregate/online-counts.js";
import { chunksOf, mapConcurrent } from "../../aggregate/pool.js";
import { describeChatError, describeFailure } from "../../chat/error-codes.js";
import { ChatApiError } from "../../chat/errors.js";
import { isCommunityGroupId } from "../../chat/group-types.js";
import { hasOnlineCount } from "../../chat/groups.js";
import { LIMITS } from "../../chat/limits.js";
import type { GroupInfo } from "../../chat/response-schemas.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GROUP_ROW_FIELDS, GroupErrorOut, groupErrorLines } from "../shared/group.js";
import { NumberOrNull, StringOrNull } from "../shared/nullable.js";
import { GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";

// 20 batches of 50 cover 1,000 groups; the client's token bucket keeps them under 200 calls/s.
const CONCURRENCY = 20;
// Rate-limit answers mean "too fast", not "broken": batches outwait them this long before failing.
const RATE_LIMIT_PATIENCE_MS = 30_000;

const Row = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  members: NumberOrNull,
  owner: StringOrNull,
  mute_all: z.boolean(),
  last_msg: StringOrNull,
  online: z.number().optional(),
});

const isLive = (r: { type: string }) => r.type === "AVChatRoom";
/** A group's size for ordering: its members, or for a live group its audience (online, else the reported count). */
const sizeOf = (r: z.infer<typeof Row>) => (isLive(r) ? (r.online ?? r.members ?? 0) : (r.members ?? 0));

function rowLine(r: z.infer<typeof Row>): string {
  const size = isLive(r)
    ? r.members === null
      ? "live group (no member count)"
      : `live group (count ${r.members} as reported, not a member list)`
    : `${r.members ?? "?"} members`;
  return `${r.id} ${r.type} ${JSON.stringify(r.name)}: ${size}${r.online !== undefined ? `, ${r.online} online` : ""}, owner ${r.owner === null ? "none" : quoteId(r.owner)}${r.mute_all ? ", all muted" : ""}${r.last_msg ? `, last message ${r.last_msg}` : ""}`;
}

function row(g: GroupInfo): z.infer<typeof Row> {
  return {
    id: g.GroupId,
    type: String(g.Type ?? "?"),
    name: sanitizeText(g.Name ?? "", 40),
    members: g.MemberNum ?? null,
    owner: g.Owner_Account ? sanitizeText(g.Owner_Account, 32) : null,
    mute_all: g.MuteAllMember === "On",
    last_msg: isoFromSeconds(g.LastMsgTime),
  };
}

export default defineTool({
  name: "get_groups_overview",
  title: "Overview of many groups",
  description:
    "One row per group for up to 1,000 known groups of any type (REST get_group_info in batches of 50): type, name, " +
    "member count, owner, mute-all, last message, online count of live groups and Communities; largest first. " +
    "Errors are listed apart; totals cover every group.",
  inputSchema: z
    .object({
      group_ids: z.array(GroupIdParam).min(1).max(1000),
      include_online_count: z.boolean().default(true).describe("Online counts of live groups and Communities."),
      max_rows: z.number().int().min(1).max(1000).default(100),
    })
    .strict(),
  outputSchema: z.object({
    requested: z.number(),
    found: z.number(),
    rows: z.array(Row),
    rows_omitted: z.number(),
    by_type: z.record(z.string(), z.number()),
    total_members: z.number().describe("Excludes live (AVChatRoom) groups."),
    errors: z.array(GroupErrorOut),
    batches: z.number(),
  }),
  annotations: readOnlyAnnotations("Overview of many groups"),
  async handler(args, ctx) {
    const ids = [...new Set(args.group_ids)];
    const batches = chunksOf(ids, LIMITS.groupInfoMaxGroups);
    let done = 0;
    const patientUntilMs = Date.now() + RATE_LIMIT_PATIENCE_MS;
    const failedRetryable: string[] = [];
    const results = await mapConcurrent(batches, CONCURRENCY, async (batch) => {
      try {
        return await ctx.chat.profiles(batch, { baseFields: GROUP_ROW_FIELDS }, { signal: ctx.signal, patientUntilMs });
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        // One failed batch does not hide the others: its groups are reported as errors.
        const d = describeFailure(err);
        if (d.retryable) failedRetryable.push(...batch);
        // Tencent's own words stay raw here: they are quoted once, when the error is described below.
        const info = err instanceof ChatApiError ? err.info : d.meaning;
        return {
          groups: [],
          errors: batch.map((id) => ({ GroupId: id, ErrorCode: d.code ?? -1, ErrorInfo: info })),
        };
      } finally {
        done++;
        await ctx.progress({ progress: done, total: batches.length, message: `${done}/${batches.length} batches` });
      }
    });
    const rows = results.flatMap((r) => r.groups).map(row);
    const errors = results
      .flatMap((r) => r.errors)
      .map((e) => {
        const d = describeChatError(e.ErrorCode, e.ErrorInfo, "get_group_info");
        return {
          group_id: e.GroupId,
          code: e.ErrorCode,
          meaning: e.ErrorCode === -1 ? e.ErrorInfo : d.meaning,
          next_step: d.nextStep,
          retryable: d.retryable,
        };
      });
    if (args.include_online_count) {
      // Live groups and Communities each have an online count API; one call per group, a failed one is left out.
      const counted = rows.filter((r) => hasOnlineCount(r.type) || isCommunityGroupId(r.id));
      const counts = await onlineCounts(ctx.chat, counted, CONCURRENCY, { signal: ctx.signal });
      for (const r of counted) {
        const n = counts.get(r.id);
        if (n !== undefined) r.online = n;
      }
    }
    const byType: Record<string, number> = {};
    for (const r of rows) byType[r.type] = (byType[r.type] ?? 0) + 1;
    // A live group's count is its audience of the moment, not members: kept apart from the total.
    const totalMembers = rows.reduce((n, r) => n + (isLive(r) ? 0 : (r.members ?? 0)), 0);
    const liveGroups = rows.filter(isLive).length;
    // Largest first, so a cap hides the smallest groups.
    rows.sort((a, b) => sizeOf(b) - sizeOf(a));
    const shown = rows.slice(0, args.max_rows);
    const omitted = rows.slice(args.max_rows);
    const data = {
      requested: ids.length,
      found: rows.length,
      rows: shown,
      rows_omitted: omitted.length,
      by_type: byType,
      total_members: totalMembers,
      errors,
      batches: batches.length,
    };
    const lines = shown.map(rowLine);
    if (omitted.length)
      lines.push(
        `… and ${omitted.length} smaller groups (max_rows=${args.max_rows}). The rest: call get_groups_overview with ${JSON.stringify({ group_ids: omitted.map((r) => r.id), include_online_count: args.include_online_count, max_rows: omitted.length })}`,
      );
    lines.push(...groupErrorLines(errors));
    // The other batches stand; the ones that failed for a passing reason can simply be asked again.
    if (failedRetryable.length)
      lines.push(
        `${failedRetryable.length} groups failed with an error a retry can fix: wait a few seconds, then call get_groups_overview with ${JSON.stringify({ group_ids: failedRetryable })}`,
      );
    const types = Object.entries(byType)
      .map(([t, n]) => `${n} ${t}`)
      .join(", ");
    return {
      data,
      text: `${rows.length} of ${ids.length} groups found (${types || "none"}), ${totalMembers} members in total${liveGroups ? ` (${liveGroups} live groups not counted)` : ""}, ${errors.length} ${errors.length === 1 ? "error" : "errors"}. Largest first:\n${lines.join("\n")}`,
    };
  },
});
