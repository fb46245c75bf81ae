// The emulator's own copy of Tencent's documented limits, read from the doc pages (and their JSON examples
// in test/fixtures/docs), never imported from the client: a wrong number must not pass both sides.
export const RULES = Object.freeze({
  /** get_group_info: GroupIdList entries (https://www.tencentcloud.com/document/product/1047/34961). */
  groupInfoMaxGroups: 50,
  /** get_group_member_info Next (Community) pages (https://www.tencentcloud.com/document/product/1047/34948). */
  memberPageMaxNext: 100,
  /** modify_group_member_info: a name card is at most 50 bytes (its page). */
  nameCardMaxBytes: 50,
  /** get_specified_group_member_info: Member_List_Account holds at most 50 (its page). */
  specifiedMembersMax: 50,
  /** The same page's field table says "cannot exceed 6000" (its prose: 200); the emulator accepts the larger. */
  memberPageMaxFieldTable: 6000,
  /** get_members: the 1,000 latest online members (30 on lower editions), pages of 500 (zh: 250). */
  onlineListCap: 1000,
  onlinePageThreshold: 500,
  /** modify_user_info (https://trtc.io/document/50294). */
  marksMaxAccountsPerCall: 500,
  marksMaxDistinctPerGroup: 10,
  marksMinCustom: 1000,
  marksMaxMembersPerMark: 1000,
  marksAlwaysOnline: 500,
  marksHidden: 600,
  /** get_appid_group_list: Limit at most 10,000 (the default), one call per second (https://trtc.io/document/34960). */
  groupIdPageMax: 10_000,
  groupIdListCallsPerSecond: 1,
  /** get_role_in_group: accounts per call (https://cloud.tencent.com/document/api/269/1626). */
  rolesMaxAccounts: 500,
  /** Moderation limits per request (the pages of forbid_send_msg, delete_group_member, ban_group_member,
   * group_msg_recall, group_msg_get_simple and get_group_ban_member). */
  muteMaxAccounts: 500,
  removeMaxAccounts: 100,
  banMaxAccounts: 20,
  recallMaxMessages: 10,
  historyMaxMessages: 20,
  bannedMaxLimit: 100,
  deleteBySenderLatest: 1000,
  muteForever: 4_294_967_295,
  /** add_group_member: at most 300 accounts a request (https://www.tencentcloud.com/document/product/1047/34921). */
  addMaxAccounts: 300,
  /** create_group: initial members (the REST page; the web SDK says 500: settings.createMembersMax). */
  createMembersMax: 100,
  /** Group profile byte limits (https://cloud.tencent.com/document/product/269/1615). */
  groupNameMaxBytes: 30,
  introductionMaxBytes: 240,
  notificationMaxBytes: 300,
  faceUrlMaxBytes: 100,
  /** Custom group IDs are under 48 bytes. */
  customGroupIdMaxBytes: 47,
  /** send_group_msg: a repeated Random within five minutes is a duplicate; a message is at most 12 KB. */
  dedupeWindowSeconds: 300,
  messageMaxBytes: 12 * 1024,
  /** send_group_system_notification: at most 50 named recipients (trtc.io zh copy). */
  noticeMaxRecipients: 50,
  /** A live group has at most 5 admins (modify_admin). */
  liveAdminsMax: 5,
  /** Topics (create_topic, modify_topic): name 30 bytes, custom string 3,000 (texts as a group's). */
  topicNameMaxBytes: 30,
  topicCustomMaxBytes: 3000,
  /** Group attributes (https://trtc.io/document/44190): 16 keys, a key 32 bytes, a value 4 KB, 16 KB in all. */
  attrMaxKeys: 16,
  attrKeyMaxBytes: 32,
  attrValueMaxBytes: 4096,
  attrTotalMaxBytes: 16 * 1024,
  /** Attribute writes a group takes in one second (10049 past it). */
  attrWritesPerSecond: 5,
  /** Group counters (https://www.tencentcloud.com/document/product/1047/53428): 20 keys, a key 128 bytes. */
  counterMaxKeys: 20,
  counterKeyMaxBytes: 128,
  /** check_members: no page states a per-request limit; the emulator takes up to 500. */
  liveCheckMaxAccounts: 500,
  /** Answers above 1 MB are refused with 10018. */
  maxResponseBytes: 1024 * 1024,
  /** Every group API page: 200 calls per second per app unless stated otherwise. */
  defaultCallsPerSecond: 200,
});

export function isAllowedMark(mark: unknown): mark is number {
  return (
    typeof mark === "number" &&
    Number.isInteger(mark) &&
    mark <= 0xffffffff &&
    (mark >= RULES.marksMinCustom || mark === RULES.marksAlwaysOnline || mark === RULES.marksHidden)
  );
}
