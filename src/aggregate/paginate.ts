// Page iterators over the three paging modes, normalised to one shape: Offset pages fetched concurrently
// and yielded in order; Community's Next cursor sequentially; AVChatRoom online lists through
// NextTimestamp. A 10018 (answer over 1 MB) shrinks the page.
import { ChatApiError } from "../chat/errors.js";
import {
  type ChatGroups,
  type MemberCursor,
  type MemberQuery,
  maxMemberPage,
  nextOffset,
  type OnlinePageResult,
} from "../chat/groups.js";
import type { MemberProfile } from "../chat/response-schemas.js";
import { orderedConcurrent } from "./pool.js";

export type Position = MemberCursor;

export interface MemberPage {
  members: MemberProfile[];
  memberNum: number;
  /** Where this page started (resume here to re-read it, skipping what was consumed). */
  at: Position;
  /** Where the next page starts. */
  after: Position;
  last: boolean;
}

export interface MemberPagesOptions extends MemberQuery {
  start: Position;
  pageSize: number;
  concurrency: number;
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
  chat: ChatGroups,
  o: MemberPagesOptions,
  offset: number,
  size: number,
  signal: AbortSignal,
): Promise<{ members: MemberProfile[]; memberNum: number; skipped: number }> {
  try {
    o.onCall?.();
    const page = await chat.memberPage(
      { ...query(o), at: { kind: "offset", offset }, limit: size },
      { signal, patientUntilMs: o.patientUntilMs },
    );
    return { members: page.members, memberNum: page.memberNum, skipped: page.skipped };
  } catch (err) {
    if (!isTooLarge(err) || size <= 1) throw err;
    const half = Math.ceil(size / 2);
    const a = await fetchOffsetPage(chat, o, offset, half, signal);
    if (a.members.length + a.skipped < half) return a;
    const b = await fetchOffsetPage(chat, o, offset + half, size - half, signal);
    return { members: [...a.members, ...b.members], memberNum: b.memberNum, skipped: a.skipped + b.skipped };
  }
}

function query(o: MemberPagesOptions): MemberQuery {
  return { groupId: o.groupId, roles: o.roles, fields: o.fields, customKeys: o.customKeys };
}

export async function* memberPages(chat: ChatGroups, o: MemberPagesOptions): AsyncGenerator<MemberPage> {
  if (o.start.kind === "next") yield* cursorPages(chat, o, o.start.next);
  else yield* offsetPages(chat, o, o.start.offset);
}

function roleFiltered(o: MemberPagesOptions): boolean {
  return (o.roles?.length ?? 0) > 0;
}

/** The end of a page and whether it was the last (the rule in groups.ts, for either reading of role filters). */
// Records Tencent sent that did not parse still took their place in the list.
function pageEnd(
  o: MemberPagesOptions,
  off: number,
  size: number,
  page: { members: unknown[]; memberNum: number; skipped: number },
) {
  const returned = page.members.length + page.skipped;
  const next = nextOffset(off, size, { returned, memberNum: page.memberNum }, roleFiltered(o));
  return { end: next ?? off + (roleFiltered(o) ? size : returned), last: next === null };
}

async function* offsetPages(chat: ChatGroups, o: MemberPagesOptions, start: number): AsyncGenerator<MemberPage> {
  const size = Math.min(o.pageSize, maxMemberPage(o.groupId));
  const internal = new AbortController();
  const signal = AbortSignal.any([o.signal, internal.signal]);
  try {
    if (o.memberNumHint !== undefined) {
      yield* plannedOffsetPages(chat, o, start, o.memberNumHint, size, signal);
      return;
    }
    // The first page is fetched alone: its MemberNum bounds the offsets to fetch concurrently.
    const first = await fetchOffsetPage(chat, o, start, size, signal);
    const { end, last } = pageEnd(o, start, size, first);
    yield { ...first, at: { kind: "offset", offset: start }, after: { kind: "offset", offset: end }, last };
    if (last) return;
    yield* plannedOffsetPages(chat, o, end, first.memberNum, size, signal);
  } finally {
    internal.abort(); // stop requests still in flight when the consumer stops early
  }
}

function* offsetsBetween(from: number, to: number, step: number): Generator<number> {
  for (let off = from; off < to; off += step) yield off;
}

/** Offsets from `from` up to `memberNum`, fetched concurrently and yielded in order. */
async function* plannedOffsetPages(
  chat: ChatGroups,
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
    const pe = pageEnd(o, page.off, size, page);
    end = pe.end;
    const last = pe.last;
    latestNum = page.memberNum;
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

async function* cursorPages(chat: ChatGroups, o: MemberPagesOptions, start: string): AsyncGenerator<MemberPage> {
  let next = start;
  let size = Math.min(o.pageSize, maxMemberPage(o.groupId));
  for (;;) {
    let page: Awaited<ReturnType<ChatGroups["memberPage"]>>;
    try {
      o.onCall?.();
      page = await chat.memberPage(
        { ...query(o), at: { kind: "next", next }, limit: size },
        { signal: o.signal, patientUntilMs: o.patientUntilMs },
      );
    } catch (err) {
      if (!isTooLarge(err) || size <= 1) throw err;
      size = Math.ceil(size / 2); // retry the same cursor with smaller pages from now on
      continue;
    }
    const after = page.next?.kind === "next" ? page.next.next : "";
    yield {
      members: page.members,
      memberNum: page.memberNum,
      at: { kind: "next", next },
      after: { kind: "next", next: after },
      last: after === "",
    };
    if (after === "") return;
    next = after;
  }
}

export interface OnlinePage {
  members: OnlinePageResult["members"];
  at: number;
  nextTimestamp: number;
}

export async function* onlinePages(
  chat: ChatGroups,
  o: { groupId: string; timestamp: number; mark?: number; signal: AbortSignal; patientUntilMs?: number },
): AsyncGenerator<OnlinePage> {
  let ts = o.timestamp;
  for (;;) {
    const page = await chat.onlinePage(
      { groupId: o.groupId, timestamp: ts, mark: o.mark },
      { signal: o.signal, patientUntilMs: o.patientUntilMs },
    );
    yield { members: page.members, at: ts, nextTimestamp: page.nextTimestamp };
    // Guard against a cursor that does not move (it would loop forever).
    if (page.nextTimestamp === 0 || page.nextTimestamp === ts) return;
    ts = page.nextTimestamp;
  }
}
