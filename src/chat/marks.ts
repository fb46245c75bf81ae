// AVChatRoom member marks (https://trtc.io/document/50294): custom marks are integers >= 1000; 500 means
// "treat as always online" (up to 3 days) and 600 "hidden from get_members". The one mark rule.
export const SPECIAL_MARKS = Object.freeze({ alwaysOnline: 500, hidden: 600 });

export const MARK_RULES = Object.freeze({
  minCustom: 1000,
  maxAccountsPerCall: 500,
  /** Distinct custom marks one group may use. */
  maxDistinctPerGroup: 10,
  /** Members one mark may hold. */
  maxMembersPerMark: 1000,
});

export function isCustomMark(mark: number): boolean {
  return Number.isInteger(mark) && mark >= MARK_RULES.minCustom && mark <= 0xffffffff;
}

export function isValidMark(mark: number): boolean {
  return isCustomMark(mark) || mark === SPECIAL_MARKS.alwaysOnline || mark === SPECIAL_MARKS.hidden;
}
