// The emulator's data model: groups, members (materialised or generated on demand), online sets, marks.
/** Group types as the REST API names them (Private = Work, ChatRoom = Meeting in newer SDKs). */
export const EMU_GROUP_TYPES = ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"] as const;
export type EmuGroupType = (typeof EMU_GROUP_TYPES)[number];
export type GroupType = EmuGroupType;

export function isEmuGroupType(v: unknown): v is EmuGroupType {
  return typeof v === "string" && (EMU_GROUP_TYPES as readonly string[]).includes(v);
}

export type MemberRole = "Owner" | "Admin" | "Member";
export const MEMBER_ROLES: readonly MemberRole[] = ["Owner", "Admin", "Member"];

export interface KeyValue {
  Key: string;
  Value: string;
}

/** Community IDs start "@TGS#_": the only type known from the ID alone. */
export function isCommunityId(id: string): boolean {
  return id.startsWith("@TGS#_");
}

export interface EmuMember {
  Member_Account: string;
  Role: MemberRole;
  JoinTime: number;
  MsgSeq: number;
  MsgFlag: string;
  LastSendMsgTime: number;
  MuteUntil: number;
  NameCard: string;
  AppMemberDefinedData: KeyValue[];
}

/** Members in join order. Generated sources compute members from their index instead of storing them. */
export interface MemberSource {
  count(): number;
  at(index: number): EmuMember;
  /** Indexes (in order) of the members whose role is in `roles`, as half-open ranges. */
  roleRanges(roles: ReadonlySet<string>): Array<[number, number]>;
  /** The member's index, or -1 when the account is not a member. */
  indexOf(account: string): number;
}

export interface OnlineMember {
  Member_Account: string;
  JoinTime: number;
  NickName: string;
  Avatar: string;
}

/** What carries messages: a group, or one of a Community's topics (each keeps its own history). */
export interface MessageChannel {
  NextMsgSeq: number;
  LastMsgTime: number;
  /** Message history, oldest first (live groups keep none). */
  messages: EmuMessage[];
  /** send_group_msg's Random values within the dedupe window, with the message they posted. */
  recentRandoms: Map<number, { seq: number; time: number }>;
}

/** A Community topic: its profile, and its own messages and mutes, apart from the group's. */
export interface EmuTopic extends MessageChannel {
  TopicId: string;
  TopicName: string;
  Introduction: string;
  Notification: string;
  FaceUrl: string;
  CustomString: string;
  CreateTime: number;
  MuteAllMember: "On" | "Off";
  /** Mutes in this topic only, Unix second each ends. */
  mutes: Map<string, number>;
}

/** A new topic with its own empty history. */
export function newTopic(fields: Partial<EmuTopic> & { TopicId: string; TopicName: string }, now: number): EmuTopic {
  return {
    Introduction: "",
    Notification: "",
    FaceUrl: "",
    CustomString: "",
    CreateTime: now,
    LastMsgTime: 0,
    NextMsgSeq: 1,
    MuteAllMember: "Off",
    messages: [],
    mutes: new Map(),
    recentRandoms: new Map(),
    ...fields,
  };
}

export interface EmuGroup extends MessageChannel {
  GroupId: string;
  Type: GroupType;
  Name: string;
  Introduction: string;
  Notification: string;
  FaceUrl: string;
  Owner_Account: string;
  CreateTime: number;
  LastInfoTime: number;
  LastMsgTime: number;
  NextMsgSeq: number;
  MaxMemberNum: number;
  ApplyJoinOption: string;
  MuteAllMember: "On" | "Off";
  AppDefinedData: KeyValue[];
  dismissed: boolean;
  members: MemberSource;
  /** AVChatRoom (and Community) online members, any order; unique JoinTimes. */
  online: OnlineMember[];
  /** Accounts known to the AVChatRoom but offline now (marks on them are left out). */
  knownOffline: Set<string>;
  /** Community: the online count (refreshed every 4 minutes on the real service). */
  onlineMemberNum: number;
  /** AVChatRoom marks by account. */
  marks: Map<string, Set<number>>;
  /** Banned accounts and the Unix second each ban ends. */
  bans: Map<string, number>;
  /** Mutes of live-group viewers (who are not on a member list), Unix second each ends. */
  viewerMutes: Map<string, number>;
  /** A live group's admins (modify_admin; they need not be online). */
  liveAdmins: Set<string>;
  /** System notices sent (send_group_system_notification), oldest first; `to` null = everyone. */
  notices: { time: number; text: string; to: string[] | null }[];
  /** Community: topics switched on, and the topics by ID. */
  supportTopic: boolean;
  topics: Map<string, EmuTopic>;
  /** Group attributes (get/modify/set/clear_group_attr), in insertion order. */
  attrs: Map<string, string>;
  /** Group counters (signed 64-bit on Tencent's side; bigint here). */
  counters: Map<string, bigint>;
}

export interface EmuMessage {
  MsgSeq: number;
  From_Account: string;
  MsgTimeStamp: number;
  MsgRandom: number;
  MsgBody: { MsgType: string; MsgContent: Record<string, unknown> }[];
  /** "recalled" by group_msg_recall, "deleted" by delete_group_msg_by_sender. */
  state: "normal" | "recalled" | "deleted";
}

export class ArrayMemberSource implements MemberSource {
  private index: Map<string, number> | undefined;
  constructor(private list: EmuMember[]) {}
  /** Every member, as a copy of the list. */
  static copyOf(source: MemberSource): ArrayMemberSource {
    return new ArrayMemberSource(Array.from({ length: source.count() }, (_, i) => ({ ...source.at(i) })));
  }
  /** Removes these accounts (the others keep their order). */
  remove(accounts: ReadonlySet<string>): void {
    this.list = this.list.filter((m) => !accounts.has(m.Member_Account));
    this.index = undefined;
  }
  /** Adds members at the end. */
  append(members: readonly EmuMember[]): void {
    this.list.push(...members);
    this.index = undefined;
  }
  /** Changes one member's fields in place. */
  patch(account: string, fields: Partial<EmuMember>): void {
    const i = this.indexOf(account);
    if (i >= 0) this.list[i] = { ...this.list[i]!, ...fields };
  }
  indexOf(account: string): number {
    this.index ??= new Map(this.list.map((m, i) => [m.Member_Account, i]));
    return this.index.get(account) ?? -1;
  }
  count(): number {
    return this.list.length;
  }
  at(index: number): EmuMember {
    const m = this.list[index];
    if (!m) throw new RangeError(`member index ${index}`);
    return m;
  }
  roleRanges(roles: ReadonlySet<string>): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    this.list.forEach((m, i) => {
      if (!roles.has(m.Role)) return;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === i) last[1] = i + 1;
      else ranges.push([i, i + 1]);
    });
    return ranges;
  }
}

/** Positions of a filtered view: maps a position in the filtered list to a member index. */
export class FilteredView {
  readonly total: number;
  constructor(private readonly ranges: Array<[number, number]>) {
    this.total = ranges.reduce((n, [a, b]) => n + (b - a), 0);
  }
  *indexes(from: number, count: number): Generator<number> {
    let skip = from;
    let left = count;
    for (const [a, b] of this.ranges) {
      const len = b - a;
      if (skip >= len) {
        skip -= len;
        continue;
      }
      for (let i = a + skip; i < b && left > 0; i++, left--) yield i;
      skip = 0;
      if (left === 0) return;
    }
  }
}
