// Group IDs of the emulator's demo dataset: a public contract for tests, the demo tour and docs.
// System-style IDs start with "@TGS#"; Community IDs must start with "@TGS#_" (https://www.tencentcloud.com/document/product/1047/33529).
export const DEMO_GROUP_IDS = Object.freeze({
  /** Private (Work) group, ~12 members, has an owner and admins. */
  private: "@TGS#1WORKDEMO1",
  /** Public group, ~40 members: muted members, members who never spoke, custom data with control characters. */
  public: "@TGS#2PUBLICDEMO",
  /** Public group with 6,000 members (generated), for Offset-paging benchmarks. */
  publicLarge: "@TGS#2PUBLIC6000",
  /** ChatRoom (Meeting) group, ~25 members. */
  chatRoom: "@TGS#3MEETINGDEMO",
  /** A group with no owner (Owner_Account ""). Public type. */
  ownerless: "@TGS#2NOOWNER01",
  /** A dismissed group: every API answers 10010. */
  dismissed: "@TGS#2DISMISSED1",
  /** AVChatRoom with ~1,200 online members (so the 1,000-latest cap and NextTimestamp paging show). */
  avChatRoom: "@TGS#aLIVEDEMO01",
  /** Small AVChatRoom with ~20 online members and some offline known accounts. */
  avChatRoomSmall: "@TGS#aLIVESMALL1",
  /** Community, ~300 members, with online count. */
  community: "@TGS#_@TGS#cCOMMUNITY1",
  /** Community with 100,000 generated members. */
  community100k: "@TGS#_community_100k",
  /** Community with 1,000,000 generated members (never materialised in memory). */
  community1m: "@TGS#_community_1m",
});

/** Topics of the demo Community (topics switched on); the other Communities have topics off. */
export const DEMO_TOPIC_IDS = Object.freeze({
  general: `${DEMO_GROUP_IDS.community}@TOPIC#_general`,
  help: `${DEMO_GROUP_IDS.community}@TOPIC#_help`,
  /** Muted for everyone but admins (mute-all in the topic). */
  announcements: `${DEMO_GROUP_IDS.community}@TOPIC#_announcements`,
});

/** Accounts of the demo dataset with a story. */
export const DEMO_ACCOUNTS = Object.freeze({
  /** Belongs to 40-odd small groups of every type ("clubs"), as Owner, Admin or Member; left out of a few. */
  alice: "alice",
});

/**
 * IDs per get_appid_group_list page in demo mode (a doc-variant setting): with ~60 groups the list takes
 * three pages, so paging and its one-call-a-second limit show in the demo as they would in a large app.
 */
export const DEMO_GROUP_LIST_PAGE_CAP = 25;

/** The demo app's small "club" groups: 48 of them, so the group ID list needs several pages in demo mode. */
export const DEMO_CLUB_COUNT = 48;

export type DemoGroupKey = keyof typeof DEMO_GROUP_IDS;
