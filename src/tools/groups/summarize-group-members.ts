import { z } from "zod";
import {
  ADMINS_SHOWN,
  addMember,
  newSummaryState,
  SummaryStateSchema,
  windowsOut,
} from "../../aggregate/member-summary.js";
import { resumableMemberScan } from "../../aggregate/resumable-scan.js";
import { GROUP_TYPES, type GroupType } from "../../chat/group-types.js";
import { isoFromSeconds, nowSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { ContinuationOut, continueText, MaxSecondsParam, ResumeCursorParam } from "../shared/budget-params.js";
import { NumberOrNull, StringOrNull } from "../shared/nullable.js";
import { GroupIdParam, RoleParam } from "../shared/params.js";
import { quoteId, quoteIds } from "../shared/quote.js";

const Windows = z.object({ last_7_days: z.number(), last_30_days: z.number(), last_90_days: z.number() });
const NAME = "summarize_group_members";

export default defineTool({
  name: NAME,
  title: "Summarize all members of a group",
  description:
    "Summary of all members of a Private (Work), Public, ChatRoom (Meeting) or Community group (REST get_group_member_info, paged for " +
    "you): counts by role, muted, never spoke, joined/spoke in the last 7/30/90 days, owner, admins, sample. Partial results carry a " +
    "resume_cursor and resume to exact totals. AVChatRoom: summarize_online_members.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      roles: z.array(RoleParam).min(1).optional(),
      max_members: z.number().int().min(1).max(10_000_000).default(2_000_000),
      max_seconds: MaxSecondsParam,
      resume_cursor: ResumeCursorParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    group_type: z.string(),
    complete: z.boolean(),
    scanned: z.number(),
    member_num: NumberOrNull,
    by_role: z.object({ Owner: z.number(), Admin: z.number(), Member: z.number() }),
    other_roles: z.number().optional().describe("Members with a role outside Owner/Admin/Member."),
    muted: z.number(),
    never_spoke: z.number(),
    joined: Windows,
    last_spoke: Windows,
    owner: StringOrNull,
    admins: z.array(z.string()),
    admins_truncated: z.boolean(),
    sample: z.array(z.string()),
    pages: z.number(),
    as_of: z.string(),
    ...ContinuationOut,
  }),
  annotations: readOnlyAnnotations("Summarize all members of a group"),
  async handler(args, ctx) {
    const roles = args.roles ? [...new Set(args.roles)].sort() : undefined;
    const { state, type, result, resumeCursor } = await resumableMemberScan(ctx, {
      tool: NAME,
      groupId: args.group_id,
      filters: roles ?? null,
      stateSchema: SummaryStateSchema.extend({ type: z.enum(GROUP_TYPES) }),
      resumeCursor: args.resume_cursor,
      maxSeconds: args.max_seconds,
      maxItems: (carried) => Math.max(1, args.max_members - (carried?.scanned ?? 0)),
      fresh: (t) => ({ ...newSummaryState(nowSeconds()), type: t as GroupType }),
      fields: ["role", "join_time", "last_send_msg_time", "muted_until"],
      roles,
      // Role-filtered scans also run to MemberNum (paginate.ts, roleFiltered), so all pages can start at once.
      planFromMemberNum: true,
      fold: (st, m) => {
        addMember(st, m);
        return true;
      },
      onPage: async (st, { pages, memberNum }) => {
        st.pages++;
        await ctx.progress({
          progress: st.scanned,
          ...(roles ? {} : { total: memberNum }),
          message: `${pages} pages, ${st.scanned} members read`,
        });
      },
    });
    await ctx.log("info", "scan finished", {
      group_id: args.group_id,
      pages: result.pages,
      scanned: state.scanned,
      complete: result.complete,
    });
    const data = {
      group_id: args.group_id,
      group_type: type,
      complete: result.complete,
      scanned: state.scanned,
      member_num: result.memberNum ?? null,
      by_role: state.byRole,
      ...(state.otherRoles > 0 ? { other_roles: state.otherRoles } : {}),
      muted: state.muted,
      never_spoke: state.neverSpoke,
      joined: windowsOut(state.joined),
      last_spoke: windowsOut(state.lastSpoke),
      owner: state.owners[0] ?? null,
      admins: state.admins,
      admins_truncated: state.byRole.Admin > ADMINS_SHOWN,
      sample: state.sample,
      pages: state.pages,
      as_of: isoFromSeconds(state.now) ?? "",
      ...(resumeCursor ? { resume_cursor: resumeCursor } : {}),
      stopped_because: result.reason,
      ...(result.failure ? { upstream_error: result.failure } : {}),
    };
    const j = data.joined;
    const s = data.last_spoke;
    // A partial scan's counts cover the members read so far: said on every count line, never read as facts.
    const soFar = data.complete ? "" : " (so far)";
    const allAdmins = { group_id: args.group_id, roles: ["Admin"], max_results: 200 };
    const text = [
      `${data.group_id} (${type}): ${data.complete ? "complete scan" : "PARTIAL scan"} of ${data.scanned} members${data.member_num !== null ? ` (API member count ${data.member_num})` : ""}${roles ? `, roles ${roles.join("/")}` : ""}.`,
      `Roles${soFar}: ${data.by_role.Owner} owner, ${data.by_role.Admin} admins, ${data.by_role.Member} members${state.otherRoles ? `, ${state.otherRoles} with another role` : ""}. Owner: ${data.owner ? quoteId(data.owner) : "none"}. Admins: ${quoteIds(data.admins) || "none"}${data.admins_truncated ? ` (the first ${ADMINS_SHOWN}; all of them: call find_group_members with ${JSON.stringify(allAdmins)})` : ""}.`,
      `Muted now${soFar}: ${data.muted}. Never spoke${soFar}: ${data.never_spoke}.`,
      `Joined in the last 7/30/90 days${soFar}: ${j.last_7_days}/${j.last_30_days}/${j.last_90_days}. Spoke in the last 7/30/90 days${soFar}: ${s.last_7_days}/${s.last_30_days}/${s.last_90_days}.`,
      data.sample.length ? `Sample of members: ${quoteIds(data.sample)}.` : "",
      data.complete
        ? ""
        : `Stopped (${result.reason}) after ${data.scanned} members; the counts carry over when you continue.`,
      data.complete
        ? ""
        : continueText(NAME, { group_id: args.group_id, ...(roles ? { roles } : {}) }, resumeCursor, result.failure),
    ].filter(Boolean);
    return { data, text: text.join("\n") };
  },
});
