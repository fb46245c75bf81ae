// Documented limits the client enforces before sending and the emulator enforces on receipt.
// Sources: seed documents and ../shared/reference/chat-rest-api.md (§0, §A, §C).
export const LIMITS = Object.freeze({
  /** get_group_info: GroupIdList length (reference §A.4). */
  groupInfoMaxGroups: 50,
  /** get_group_member_info Offset mode: narrative max 200, recommended 100 (seed-2). */
  memberInfoMaxLimitOffset: 200,
  memberInfoRecommendedLimit: 100,
  /** get_group_member_info Next (Community) mode: max 100 (seed-2). */
  memberInfoMaxLimitNext: 100,
  /** The field table's "cannot exceed 6000"; the emulator accepts up to this, the client stays at 200. */
  memberInfoFieldTableMaxLimit: 6000,
  /** get_members: at most the 1000 latest online members; 30 on lower editions (reference §A.1). */
  onlineListCap: 1000,
  onlineListCapLowerEdition: 30,
  /** get_members page threshold: 500 per seed-0 (250 per the zh page). */
  onlineMembersPageThreshold: 500,
  /** modify_user_info (seed-4, reference §A.5). */
  marksMaxAccountsPerCall: 500,
  marksMaxDistinctPerGroup: 10,
  marksMinCustom: 1000,
  marksMaxMembersPerMark: 1000,
  /** Response size cap: 10018 beyond it. */
  maxResponseBytes: 1024 * 1024,
  /** Default per-API frequency limit, calls per second (reference §C). */
  defaultCallsPerSecond: 200,
  /** Community online count refresh period (seed-1). */
  communityOnlineRefreshSeconds: 240,
});

/** Special marks (seed-4): 500 = treat as always online (up to 3 days), 600 = hidden from get_members. */
export const SPECIAL_MARKS = Object.freeze({ alwaysOnline: 500, hidden: 600 });

export function isValidMark(mark: number): boolean {
  return (
    Number.isInteger(mark) &&
    (mark >= LIMITS.marksMinCustom || mark === SPECIAL_MARKS.alwaysOnline || mark === SPECIAL_MARKS.hidden) &&
    mark <= 0xffffffff
  );
}
