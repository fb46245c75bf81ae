// The member scan shared by summarize_group_members and find_group_members: pages in the right mode,
// visits members in order, stops on budget/cancel/early exit, and says exactly where to resume.
import { type ChatGroups, type MemberQuery, maxMemberPage } from "../chat/groups.js";
import type { MemberProfile } from "../chat/response-schemas.js";
import { type Budget, budgetSignal, outOfTime } from "./budget.js";
import { memberPages, type Position } from "./paginate.js";
import { errorStop, type UpstreamFailure } from "./upstream.js";

export interface ScanOptions extends MemberQuery {
  start: Position;
  /** Members of the page at `start` to skip (already consumed by an earlier call). */
  skip: number;
  /** True when continuing from a resume cursor: its counts are worth returning even if no page is read now. */
  resumed?: boolean;
  memberNumHint?: number;
  budget: Budget;
  /** Items already counted against budget.maxItems by earlier calls are not counted again. */
  concurrency?: number;
  pageSize?: number;
  /** Returns false to stop right after this member. */
  visit: (m: MemberProfile) => boolean;
  onPage?: (info: { pages: number; visited: number; memberNum: number }) => Promise<void>;
}

export type StopReason = "done" | "max_items" | "max_seconds" | "early_exit" | "upstream_error";

export interface ScanResult {
  complete: boolean;
  reason: StopReason;
  memberNum?: number;
  pages: number;
  visited: number;
  resume?: { pos: Position; skip: number };
  /** Set when reason is "upstream_error": the failure that outlasted the retries. */
  failure?: UpstreamFailure;
}

export function normalizeStart(pos: Position, skip: number): { pos: Position; skip: number } {
  // Offsets can absorb the skip; a Next cursor cannot, so the page is re-read and the head skipped.
  return pos.kind === "offset" ? { pos: { kind: "offset", offset: pos.offset + skip }, skip: 0 } : { pos, skip };
}

export async function scanMembers(chat: ChatGroups, o: ScanOptions): Promise<ScanResult> {
  const start = normalizeStart(o.start, o.skip);
  const signal = budgetSignal(o.budget);
  let pages = 0;
  let visited = 0;
  let memberNum: number | undefined;
  let lastAfter: Position = start.pos;
  let first = true;
  try {
    for await (const page of memberPages(chat, {
      groupId: o.groupId,
      roles: o.roles,
      fields: o.fields,
      customKeys: o.customKeys,
      start: start.pos,
      pageSize: o.pageSize ?? maxMemberPage(o.groupId),
      concurrency: o.concurrency ?? 16,
      memberNumHint: o.memberNumHint,
      signal,
      patientUntilMs: o.budget.deadlineMs,
    })) {
      pages++;
      memberNum = page.memberNum;
      const from = first ? start.skip : 0;
      first = false;
      for (let i = from; i < page.members.length; i++) {
        visited++;
        const go = o.visit(page.members[i]!);
        const full = visited >= o.budget.maxItems;
        if (!go || full) {
          const atEnd = i === page.members.length - 1;
          if (atEnd && page.last) return { complete: true, reason: "done", memberNum, pages, visited };
          const resume = atEnd ? { pos: page.after, skip: 0 } : normalizeStart(page.at, i + 1);
          return { complete: false, reason: go ? "max_items" : "early_exit", memberNum, pages, visited, resume };
        }
      }
      lastAfter = page.after;
      await o.onPage?.({ pages, visited, memberNum: page.memberNum });
      if (page.last) return { complete: true, reason: "done", memberNum, pages, visited };
      if (outOfTime(o.budget))
        return {
          complete: false,
          reason: "max_seconds",
          memberNum,
          pages,
          visited,
          resume: { pos: page.after, skip: 0 },
        };
    }
    return { complete: true, reason: "done", memberNum, pages, visited };
  } catch (err) {
    // The deadline aborted a request in flight: what was folded so far, resumable. A page failed beyond its
    // retries: what was read, resuming at that page. Only a fresh scan that read nothing throws.
    const stop = errorStop(err, {
      cancelled: o.budget.signal,
      deadline: signal,
      haveResults: pages > 0 || o.resumed === true,
    });
    if (stop.reason === "max_seconds")
      return { complete: false, reason: "max_seconds", memberNum, pages, visited, resume: { pos: lastAfter, skip: 0 } };
    return {
      complete: false,
      reason: "upstream_error",
      memberNum,
      pages,
      visited,
      resume: pages > 0 ? { pos: lastAfter, skip: 0 } : { pos: o.start, skip: o.skip },
      failure: stop.failure,
    };
  }
}
