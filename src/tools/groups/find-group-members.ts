import { z } from "zod";
import { resumableMemberScan } from "../../aggregate/resumable-scan.js";
import { GROUP_TYPES, type GroupType } from "../../chat/group-types.js";
import type { MemberProfile } from "../../chat/response-schemas.js";
import { isoFromSeconds, nowSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { ContinuationOut, continueText, MaxSecondsParam, ResumeCursorParam } from "../shared/budget-params.js";
import {
  MEMBER_FIELDS,
  MemberProfileOut,
  memberToOutput,
  pickFields,
  profileOf,
  renderMemberLines,
} from "../shared/member.js";
import { NumberOrNull } from "../shared/nullable.js";
import { AccountParam, GroupIdParam, IsoDateParam, RoleParam, secondsOf } from "../shared/params.js";

const NAME = "find_group_members";
// What a cursor carries back, range-checked again (it is signed, but a bug must not print nonsense).
const StateSchema = z.object({
  now: z.number().int().min(0),
  scanned: z.number().int().min(0),
  found: z.number().int().min(0),
  type: z.enum(GROUP_TYPES),
});

// A search's fields: the member's own facts (message flags and read sequences are get_group_member_info's).
const FIND_FIELDS = MEMBER_FIELDS.filter((f) => f !== "msg_flag" && f !== "msg_seq") as [
  (typeof MEMBER_FIELDS)[number],
  ...(typeof MEMBER_FIELDS)[number][],
];

export default defineTool({
  name: NAME,
  title: "Find group members matching criteria",
  description:
    "Members of a group of any type but AVChatRoom matching ALL criteria given (REST get_group_member_info, paged " +
    "for you). Live groups: summarize_online_members.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      accounts: z.array(AccountParam).min(1).max(500).optional(),
      text: z.string().min(1).max(64).optional().describe("In account or name card, any case."),
      roles: z.array(RoleParam).min(1).optional(),
      muted: z.boolean().optional().describe("Muted now."),
      never_spoke: z.boolean().optional(),
      inactive_since: IsoDateParam.optional().describe("ISO date; no message since (never spoke counts)."),
      joined_after: IsoDateParam.optional().describe("ISO date, e.g. 2026-10-01"),
      joined_before: IsoDateParam.optional(),
      max_results: z.number().int().min(1).max(200).default(50),
      fields: z.array(z.enum(FIND_FIELDS)).optional().describe("Fields to return besides account."),
      count_only: z.boolean().default(false).describe("Count matches, list none."),
      max_seconds: MaxSecondsParam,
      resume_cursor: ResumeCursorParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    group_type: z.string(),
    matches: z.array(MemberProfileOut),
    found_total: z.number(),
    scanned: z.number(),
    member_num: NumberOrNull,
    complete: z.boolean(),
    ...ContinuationOut,
  }),
  annotations: readOnlyAnnotations("Find group members matching criteria"),
  async handler(args, ctx) {
    const inactiveSince = secondsOf(args.inactive_since);
    const joinedAfter = secondsOf(args.joined_after);
    const joinedBefore = secondsOf(args.joined_before);
    // The filters a cursor is bound to (the budget is not: max_results may change between calls).
    const { group_id: _g, max_results: _m, max_seconds: _s, resume_cursor: _r, ...filters } = args;
    // The arguments a continuation repeats (the binding ignores the budget, so max_results may change).
    const sameArgs = Object.fromEntries(
      Object.entries({ ...args, resume_cursor: undefined }).filter(([, v]) => v !== undefined),
    );
    const accounts = args.accounts ? new Set(args.accounts) : undefined;
    const needle = args.text?.toLowerCase();
    const matches = (m: MemberProfile): boolean => {
      if (accounts && !accounts.has(m.Member_Account)) return false;
      if (
        needle &&
        !m.Member_Account.toLowerCase().includes(needle) &&
        !(m.NameCard ?? "").toLowerCase().includes(needle)
      )
        return false;
      if (args.muted !== undefined && (m.MuteUntil ?? 0) > now !== args.muted) return false;
      const last = m.LastSendMsgTime ?? 0;
      if (args.never_spoke !== undefined && (last === 0) !== args.never_spoke) return false;
      if (inactiveSince !== undefined && last >= inactiveSince) return false;
      if (joinedAfter !== undefined && (m.JoinTime ?? 0) < joinedAfter) return false;
      if (joinedBefore !== undefined && (m.JoinTime ?? 0) >= joinedBefore) return false;
      return true;
    };
    const found: MemberProfile[] = [];
    let now = nowSeconds();
    const { state, type, result, resumeCursor } = await resumableMemberScan(ctx, {
      tool: NAME,
      groupId: args.group_id,
      filters,
      stateSchema: StateSchema,
      resumeCursor: args.resume_cursor,
      maxSeconds: args.max_seconds,
      fresh: (t) => ({ now, scanned: 0, found: 0, type: t as GroupType }),
      roles: args.roles,
      // Fewer pages in flight: a search that stops early should not have fetched far ahead.
      concurrency: 4,
      fold: (st, m) => {
        now = st.now; // a resumed search judges "muted" at the time it started
        st.scanned++;
        if (matches(m)) {
          st.found++; // in the state itself: the cursor signed at the end carries it
          if (!args.count_only) found.push(m);
        }
        if (args.count_only) return true;
        // Every account asked for is found: nothing left to look for.
        if (accounts && found.length === accounts.size) return false;
        return found.length < args.max_results;
      },
      onPage: async (st, { pages, memberNum }) => {
        await ctx.progress({
          progress: st.scanned,
          total: memberNum,
          message: `${pages} pages, ${found.length} matches`,
        });
      },
    });
    const allAccountsFound = accounts !== undefined && found.length === accounts.size;
    const complete = result.complete || allAccountsFound;
    const cursor = complete ? undefined : resumeCursor;
    const members = found.map((m) => profileOf(pickFields(memberToOutput(m, state.now), args.fields)));
    const data = {
      group_id: args.group_id,
      group_type: type,
      matches: members,
      found_total: state.found,
      scanned: state.scanned,
      member_num: result.memberNum ?? null,
      complete,
      ...(cursor ? { resume_cursor: cursor } : {}),
      stopped_because: allAccountsFound ? ("done" as const) : result.reason,
      ...(result.failure ? { upstream_error: result.failure } : {}),
    };
    const tail = complete
      ? `Searched the whole group${allAccountsFound ? " (every requested account found)" : ""}.`
      : `Stopped after ${state.scanned} members (${result.reason === "early_exit" ? `max_results=${args.max_results} reached` : result.reason}).\n${continueText(NAME, sameArgs, cursor, result.failure)}`;
    return {
      data,
      text: args.count_only
        ? `${state.found} matching members in ${args.group_id} (${type}); ${state.scanned} members read as of ${isoFromSeconds(state.now)}.\n${tail}`
        : `${members.length} matching members in ${args.group_id} (${type}); ${state.scanned} members read as of ${isoFromSeconds(state.now)}.\n${renderMemberLines(members)}\n${tail}`,
    };
  },
});
