// Page iterators over the three paging modes, normalised to one shape (design-models §4.8):
// Offset pages fetched concurrently and yielded in order; Community's Next cursor sequentially;
// AVChatRoom online lists through NextTimestamp. A 10018 (answer over 1 MB) shrinks the page.
import type { ChatGroupApi } from "../chat/api.js";
import { ChatApiError } from "../chat/errors.js";
import { LIMITS } from "../chat/limits.js";
import type { GetGroupMemberInfoRequest, MemberProfile, OnlineMember } from "../chat/wire-types.js";
import { orderedConcurrent } from "./pool.js";

export type Position = { kind: "offset"; offset: number } | { kind: "next"; next: string };

export interface MemberPage {
  members: MemberProfile[];
  memberNum: number;
  /** Where this page started (resume here to re-read it, skipping what was consumed). */
  at: Position;
  /** Where the next page starts. */
  after: Position;
  last: boolean;
}

export interface MemberPagesOptions {
  groupId: string;
  community: boolean;
  start: Position;
  pageSize: number;
  concurrency: number;
  /** Filters passed through to every request (MemberInfoFilter, MemberRoleFilter...). */
  request: Omit<GetGroupMemberInfoRequest, "GroupId" | "Limit" | "Offset" | "Next">;
  /** Member count when already known (get_group_info): all Offset pages can then start at once. */
  memberNumHint?: number;
  signal: AbortSignal;
  /** Rate-limit answers are retried until this time (the aggregate's deadline). */
  patientUntilMs?: number;
  onCall?: () => void;
}

const TOO_LARGE = 10018;

function isTooLarge(err: unknown): boolean {
  return err instanceof ChatApiError && err.code === TOO_LARGE;
}

/** One Offset page; on 10018 it splits the page in halves and fetches them one after the other. */
async function fetchOffsetPage(
  chat: ChatGroupApi,
  o: MemberPagesOptions,
  offset: number,
  size: number,
  signal: AbortSignal,
): Promise<{ members: MemberProfile[]; memberNum: number }> {
  try {
    o.onCall?.();
    const page = await chat.getGroupMemberInfo(
      { ...o.request, GroupId: o.groupId, Limit: size, Offset: offset },
      { signal, patientUntilMs: o.patientUntilMs },
    );
    return { members: page.MemberList, memberNum: page.MemberNum };
  } catch (err) {
    if (!isTooLarge(err) || size <= 1) throw err;
    const half = Math.ceil(size / 2);
    const a = await fetchOffsetPage(chat, o, offset, half, signal);
    if (a.members.length < half) return a;
    const b = await fetchOffsetPage(chat, o, offset + half, size - half, signal);
    return { members: [...a.members, ...b.members], memberNum: b.memberNum };
  }
}

export async function* memberPages(chat: ChatGroupApi, o: MemberPagesOptions): AsyncGenerator<MemberPage> {
  if (o.community) yield* cursorPages(chat, o);
  else yield* offsetPages(chat, o);
}

/**
 * With a role filter the docs do not say whether Tencent filters before paging (short pages mean the
 * end) or after (any page can be short, and Offset counts unfiltered positions). Right under both:
 * advance Offset by the page size and stop only when it reaches MemberNum (docs/drift.md).
 */
function roleFiltered(o: MemberPagesOptions): boolean {
  return (o.request.MemberRoleFilter?.length ?? 0) > 0;
}

async function* offsetPages(chat: ChatGroupApi, o: MemberPagesOptions): AsyncGenerator<MemberPage> {
  if (o.start.kind !== "offset") throw new Error("offset paging needs an offset position");
  const size = Math.min(o.pageSize, LIMITS.memberInfoMaxLimitOffset);
  const internal = new AbortController();
  const signal = AbortSignal.any([o.signal, internal.signal]);
  try {
    if (o.memberNumHint !== undefined) {
      yield* plannedOffsetPages(chat, o, o.start.offset, o.memberNumHint, size, signal);
      return;
    }
    // The first page is fetched alone: its MemberNum bounds the offsets to fetch concurrently.
    const first = await fetchOffsetPage(chat, o, o.start.offset, size, signal);
    const filtered = roleFiltered(o);
    const firstEnd = o.start.offset + (filtered ? size : first.members.length);
    const firstLast = (!filtered && first.members.length < size) || firstEnd >= first.memberNum;
    yield { ...first, at: o.start, after: { kind: "offset", offset: firstEnd }, last: firstLast };
    if (firstLast) return;
    yield* plannedOffsetPages(chat, o, firstEnd, first.memberNum, size, signal);
  } finally {
    internal.abort(); // stop requests still in flight when the consumer stops early
  }
}

function* offsetsBetween(from: number, to: number, step: number): Generator<number> {
  for (let off = from; off < to; off += step) yield off;
}

/** Offsets from `from` up to `memberNum`, fetched concurrently and yielded in order. */
async function* plannedOffsetPages(
  chat: ChatGroupApi,
  o: MemberPagesOptions,
  from: number,
  memberNum: number,
  size: number,
  signal: AbortSignal,
): AsyncGenerator<MemberPage> {
  // Offsets are generated as the pool asks for them, never listed up front: MemberNum comes from
  // upstream, and a hostile or broken answer (10^12) must cost nothing but the pages actually read; the
  // first short page ends the scan. At least one page, so an empty group still answers its MemberNum.
  const offsets = offsetsBetween(from, Math.max(memberNum, from + 1), size);
  let end = from;
  let latestNum = memberNum;
  for await (const page of orderedConcurrent(offsets, o.concurrency, (off) =>
    fetchOffsetPage(chat, o, off, size, signal).then((p) => ({ ...p, off })),
  )) {
    const filtered = roleFiltered(o);
    end = page.off + (filtered ? size : page.members.length);
    latestNum = page.memberNum;
    // Without a filter a short page is the end of the list; with one, only MemberNum is (see roleFiltered).
    const last = (!filtered && page.members.length < size) || end >= page.memberNum;
    yield {
      members: page.members,
      memberNum: page.memberNum,
      at: { kind: "offset", offset: page.off },
      after: { kind: "offset", offset: end },
      last,
    };
    if (last) return;
  }
  // The group grew while we read it: plan the pages beyond the first estimate.
  if (end < latestNum) yield* plannedOffsetPages(chat, o, end, latestNum, size, signal);
}

async function* cursorPages(chat: ChatGroupApi, o: MemberPagesOptions): AsyncGenerator<MemberPage> {
  if (o.start.kind !== "next") throw new Error("cursor paging needs a Next position");
  let next = o.start.next;
  let size = Math.min(o.pageSize, LIMITS.memberInfoMaxLimitNext);
  for (;;) {
    let page: Awaited<ReturnType<ChatGroupApi["getGroupMemberInfo"]>>;
    try {
      o.onCall?.();
      page = await chat.getGroupMemberInfo(
        { ...o.request, GroupId: o.groupId, Limit: size, Next: next },
        { signal: o.signal, patientUntilMs: o.patientUntilMs },
      );
    } catch (err) {
      if (!isTooLarge(err) || size <= 1) throw err;
      size = Math.ceil(size / 2); // retry the same cursor with smaller pages from now on
      continue;
    }
    const after = page.Next ?? "";
    yield {
      members: page.MemberList,
      memberNum: page.MemberNum,
      at: { kind: "next", next },
      after: { kind: "next", next: after },
      last: after === "",
    };
    if (after === "") return;
    next = after;
  }
}

export interface OnlinePage {
  members: OnlineMember[];
  at: number;
  nextTimestamp: number;
}

export async function* onlinePages(
  chat: ChatGroupApi,
  o: { groupId: string; timestamp: number; mark?: number; signal: AbortSignal; patientUntilMs?: number },
): AsyncGenerator<OnlinePage> {
  let ts = o.timestamp;
  for (;;) {
    const page = await chat.getOnlineMembers(
      { GroupId: o.groupId, Timestamp: ts, ...(o.mark !== undefined ? { Mark: o.mark } : {}) },
      { signal: o.signal, patientUntilMs: o.patientUntilMs },
    );
    yield { members: page.MemberList, at: ts, nextTimestamp: page.NextTimestamp };
    // Guard against a cursor that does not move (it would loop forever).
    if (page.NextTimestamp === 0 || page.NextTimestamp === ts) return;
    ts = page.NextTimestamp;
  }
}
