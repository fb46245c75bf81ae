// The resume stack of the member-list aggregates in one place: read the cursor (bound to the tool, the group
// and the filters), learn the group's paging mode, scan within the budget, and sign a cursor for what is
// left. Each aggregate supplies only its fold: a fresh state, and what one member adds to it.
import type { z } from "zod";
import type { MemberField, MemberQuery } from "../chat/groups.js";
import type { MemberProfile } from "../chat/response-schemas.js";
import type { ToolContext } from "../tools/define.js";
import { type Budget, budgetCallOptions, budgetSignal, makeBudget } from "./budget.js";
import { bindingOf } from "./resume-cursor.js";
import { routeMemberList } from "./route.js";
import { type ScanResult, scanMembers } from "./scan.js";

export interface ResumableScanOptions<S extends { type: string }> {
  tool: string;
  groupId: string;
  /** The filters a cursor is bound to, besides the tool and the group. */
  filters: unknown;
  stateSchema: z.ZodType<S>;
  resumeCursor?: string;
  maxSeconds: number;
  /** Members this call may read, given the state a cursor carried (undefined on a fresh scan). */
  maxItems?: (carried: S | undefined) => number;
  fresh(type: string): S;
  roles?: MemberQuery["roles"];
  fields?: readonly MemberField[];
  concurrency?: number;
  /** Start every Offset page at once from get_group_info's member count (whole-group summaries). */
  planFromMemberNum?: boolean;
  /** What one member adds to the state; false stops the scan right after it. */
  fold(state: S, m: MemberProfile): boolean;
  onPage?(state: S, info: { pages: number; visited: number; memberNum: number }): Promise<void>;
}

export interface ResumableScanResult<S> {
  state: S;
  type: string;
  result: ScanResult;
  resumed: boolean;
  budget: Budget;
  /** Signed cursor for what is left (undefined when the scan is complete). */
  resumeCursor?: string;
}

export async function resumableMemberScan<S extends { type: string }>(
  ctx: ToolContext,
  o: ResumableScanOptions<S>,
): Promise<ResumableScanResult<S>> {
  const bind = bindingOf([o.groupId, o.filters]);
  const resumed = o.resumeCursor ? ctx.cursors.decode(o.resumeCursor, o.tool, bind, o.stateSchema) : undefined;
  const budget = makeBudget(o.maxSeconds, o.maxItems?.(resumed?.state) ?? Number.MAX_SAFE_INTEGER, ctx.signal);
  const route = await routeMemberList(
    ctx.chat,
    o.groupId,
    resumed?.state.type,
    budgetCallOptions(budget, budgetSignal(budget)),
  );
  const state = resumed?.state ?? o.fresh(route.type);
  const result = await scanMembers(ctx.chat, {
    groupId: o.groupId,
    start: resumed?.pos ?? route.start,
    // One meaning of skip whatever the paging mode: members of the page at `start` already folded.
    skip: resumed?.skip ?? 0,
    resumed: resumed !== undefined,
    roles: o.roles,
    fields: o.fields,
    budget,
    concurrency: o.concurrency,
    memberNumHint: o.planFromMemberNum ? route.memberNum : undefined,
    visit: (m) => o.fold(state, m),
    onPage: o.onPage ? (info) => o.onPage!(state, info) : undefined,
  });
  const resumeCursor = result.resume
    ? ctx.cursors.encode({ tool: o.tool, bind, pos: result.resume.pos, skip: result.resume.skip, state })
    : undefined;
  return { state, type: route.type, result, resumed: resumed !== undefined, budget, resumeCursor };
}
