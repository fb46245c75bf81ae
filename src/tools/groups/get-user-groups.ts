import { z } from "zod";
import { budgetCallOptions, budgetSignal, makeBudget, outOfTime } from "../../aggregate/budget.js";
import { bindingOf } from "../../aggregate/resume-cursor.js";
import { errorStop, type UpstreamFailure } from "../../aggregate/upstream.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { JoinedGroupOut, joinedGroupRow } from "../raw/get-joined-groups.js";
import {
  ContinuationOut,
  continueText,
  MaxSecondsParam,
  ResumeCursorParam,
  type StopReasonOut,
} from "../shared/budget-params.js";
import { GROUP_ROW_FIELDS, groupRowLine } from "../shared/group.js";
import { AccountParam, GroupTypeParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";

const NAME = "get_user_groups";
const PAGE = 500;

const Count = z.number().int().min(0);
const StateSchema = z.object({
  scanned: Count,
  total: Count,
  byType: z.record(z.string().max(20), Count),
  byRole: z.record(z.string().max(20), Count),
});

export default defineTool({
  name: NAME,
  title: "Get every group a user belongs to",
  description:
    "Every group one account belongs to, of any type (live AVChatRoom groups included unless include_live is false), with its role and " +
    "join time in each and counts by type and role (REST get_joined_group_list, paged for you). One page: get_joined_groups.",
  inputSchema: z
    .object({
      account: AccountParam,
      group_type: GroupTypeParam.optional(),
      include_live: z.boolean().default(true),
      max_results: z
        .number()
        .int()
        .min(1)
        .max(10_000)
        .default(500)
        .describe("Groups returned as rows; counts cover all."),
      max_seconds: MaxSecondsParam,
      resume_cursor: ResumeCursorParam,
    })
    .strict(),
  outputSchema: z.object({
    account: z.string(),
    groups: z.array(JoinedGroupOut),
    total: z.number(),
    scanned: z.number(),
    by_type: z.record(z.string(), z.number()),
    by_role: z.record(z.string(), z.number()),
    complete: z.boolean(),
    ...ContinuationOut,
  }),
  annotations: readOnlyAnnotations("Get every group a user belongs to"),
  async handler(args, ctx) {
    const bind = bindingOf([args.account, args.group_type ?? null, args.include_live]);
    const resumed = args.resume_cursor ? ctx.cursors.decode(args.resume_cursor, NAME, bind, StateSchema) : undefined;
    const state = resumed?.state ?? { scanned: 0, total: 0, byType: {}, byRole: {} };
    const budget = makeBudget(args.max_seconds, args.max_results, ctx.signal);
    const signal = budgetSignal(budget);
    const groups: z.infer<typeof JoinedGroupOut>[] = [];
    let offset = resumed?.pos.kind === "offset" ? resumed.pos.offset : 0;
    let reason: z.infer<typeof StopReasonOut> = "done";
    let failure: UpstreamFailure | undefined;
    let resumeAt: number | undefined;
    for (;;) {
      let page: Awaited<ReturnType<typeof ctx.chat.joinedGroups>>;
      try {
        page = await ctx.chat.joinedGroups(
          {
            account: args.account,
            offset,
            limit: PAGE,
            type: args.group_type,
            includeLive: args.include_live,
            baseFields: GROUP_ROW_FIELDS,
          },
          budgetCallOptions(budget, signal),
        );
      } catch (err) {
        ({ reason, failure } = errorStop(err, {
          cancelled: ctx.signal,
          deadline: signal,
          haveResults: offset > 0 || resumed !== undefined,
        }));
        resumeAt = offset;
        break;
      }
      state.total = page.total;
      let i = 0;
      for (const g of page.groups) {
        i++;
        state.scanned++;
        const type = String(g.Type ?? "?");
        const row = joinedGroupRow(g);
        const role = row.role ?? "unknown";
        state.byType[type] = (state.byType[type] ?? 0) + 1;
        state.byRole[role] = (state.byRole[role] ?? 0) + 1;
        groups.push(row);
        if (groups.length >= args.max_results && (i < page.groups.length || offset + i < page.total)) {
          reason = "max_items";
          resumeAt = offset + i;
          break;
        }
      }
      if (resumeAt !== undefined) break;
      offset += page.groups.length;
      if (page.groups.length < PAGE || offset >= page.total) break;
      await ctx.progress({ progress: state.scanned, total: state.total, message: `${state.scanned} groups read` });
      if (outOfTime(budget)) {
        reason = "max_seconds";
        resumeAt = offset;
        break;
      }
    }
    const resumeCursor =
      resumeAt !== undefined
        ? ctx.cursors.encode({ tool: NAME, bind, pos: { kind: "offset", offset: resumeAt }, skip: 0, state })
        : undefined;
    const complete = resumeAt === undefined;
    const counts = (r: Record<string, number>) =>
      Object.entries(r)
        .map(([k, n]) => `${n} ${k}`)
        .join(", ") || "none";
    // Every group of the result (max_results is the cap): hosts may show the model nothing but the text.
    const shown = groups.map((g) => groupRowLine(g, g.role ? ` · role ${g.role}` : ""));
    const sameArgs = Object.fromEntries(
      Object.entries({
        account: args.account,
        group_type: args.group_type,
        include_live: args.include_live,
        max_results: args.max_results,
      }).filter(([, v]) => v !== undefined),
    );
    return {
      data: {
        account: args.account,
        groups,
        total: state.total,
        scanned: state.scanned,
        by_type: state.byType,
        by_role: state.byRole,
        complete,
        ...(resumeCursor ? { resume_cursor: resumeCursor } : {}),
        stopped_because: reason,
        ...(failure ? { upstream_error: failure } : {}),
      },
      text: [
        `${quoteId(args.account)} belongs to ${state.total} groups${args.group_type ? ` of type ${args.group_type}` : ""}${args.include_live ? "" : " (live groups left out)"}${complete ? "" : `; PARTIAL: ${state.scanned} read`}. By type: ${counts(state.byType)}. By role: ${counts(state.byRole)}.`,
        ...shown,
        complete ? "" : continueText(NAME, sameArgs, resumeCursor, failure),
      ]
        .filter(Boolean)
        .join("\n"),
    };
  },
});
