// The emulator's state behind one small interface the handlers call (fake-gcs-server's backend): apps,
// their groups, memberships, and the few writes the APIs make. Handlers never reach into a group's
// collections to change them.
import {
  ArrayMemberSource,
  type EmuGroup,
  type EmuMember,
  type EmuMessage,
  type MemberRole,
  type MessageChannel,
} from "./model.js";

export interface EmuApp {
  sdkAppId: number;
  admin: string;
  secretKey: string;
}

export interface Membership {
  group: EmuGroup;
  role: MemberRole;
  joinTime: number;
  msgFlag: string;
}

export interface EmuStore {
  app(sdkAppId: number): EmuApp | undefined;
  /** The group, dismissed or not (handlers decide what a dismissed group answers). */
  group(sdkAppId: number, groupId: string): EmuGroup | undefined;
  /** Groups that exist (not dismissed), in creation order. */
  groups(sdkAppId: number): readonly EmuGroup[];
  /** The account's place in the group: a member-list entry, or a viewer online in a live group. */
  membership(group: EmuGroup, account: string): Membership | undefined;
  /** Every existing group the account belongs to, in creation order. */
  membershipsOf(sdkAppId: number, account: string): Membership[];
  /** Replaces an AVChatRoom member's marks (none = remove them). */
  setMarks(group: EmuGroup, account: string, marks: ReadonlySet<number>): void;
  /** Mutes (until > now) or unmutes (until 0) accounts: members on the list, or live-group viewers. */
  mute(group: EmuGroup, accounts: readonly string[], until: number): void;
  /** Accounts muted at `now`, with their mute end. */
  mutedOf(group: EmuGroup, now: number): { account: string; until: number }[];
  /** Takes accounts off the member list (and a live group's online list). */
  removeMembers(group: EmuGroup, accounts: readonly string[]): void;
  ban(group: EmuGroup, accounts: readonly string[], until: number): void;
  unban(group: EmuGroup, accounts: readonly string[]): void;
  bannedOf(group: EmuGroup, now: number): { account: string; until: number }[];
  /** Marks messages recalled; per sequence 0 when done, an error code otherwise. */
  recall(channel: MessageChannel, seqs: readonly number[]): Map<number, number>;
  /** Marks a sender's latest 1,000 messages deleted; how many. */
  deleteMessagesOf(channel: MessageChannel, sender: string): number;
  setMuteAll(group: EmuGroup, on: boolean): void;
  /** Changes a member's role, name card, mute end or custom fields (the other APIs read them back). */
  patchMember(group: EmuGroup, account: string, fields: Partial<EmuMember>): void;
  /** An account's app-wide mute ends (Unix seconds; 0 none), per app. */
  accountMute(sdkAppId: number, account: string): { direct: number; group: number };
  setAccountMute(sdkAppId: number, account: string, ends: { direct?: number; group?: number }): void;
  /** Adds members at the end of the list (role Member, joined now). */
  addMembers(group: EmuGroup, accounts: readonly string[], now: number): void;
  /** The new owner becomes Owner, the old one Member. */
  changeOwner(group: EmuGroup, newOwner: string): void;
  /** Dismisses a group: every API then answers 10010 for it. */
  dismiss(sdkAppId: number, group: EmuGroup): void;
  /** Changes profile fields (get_group_info reads them back). */
  patchGroup(group: EmuGroup, fields: Partial<EmuGroup>): void;
  /** Adds a new group to the app. */
  addGroup(sdkAppId: number, group: EmuGroup): void;
  /** Appends a message with the next sequence; its sequence. */
  appendMessage(channel: MessageChannel, message: Omit<EmuMessage, "MsgSeq" | "state">): number;
}

/** No such message, or already recalled (the per-message code is not documented; 10004 is the emulator's). */
const NO_SUCH_MESSAGE = 10004;

export class MemoryStore implements EmuStore {
  private readonly apps = new Map<number, EmuApp>();
  private readonly byApp = new Map<number, Map<string, EmuGroup>>();
  private readonly liveCache = new Map<number, EmuGroup[]>();
  /** App-wide mutes: "<sdkappid>:<account>" -> mute ends. */
  private readonly accountMutes = new Map<string, { direct: number; group: number }>();

  accountMute(sdkAppId: number, account: string): { direct: number; group: number } {
    return this.accountMutes.get(`${sdkAppId}:${account}`) ?? { direct: 0, group: 0 };
  }

  setAccountMute(sdkAppId: number, account: string, ends: { direct?: number; group?: number }): void {
    const key = `${sdkAppId}:${account}`;
    this.accountMutes.set(key, { ...this.accountMute(sdkAppId, account), ...ends });
  }

  addApp(app: EmuApp): void {
    this.apps.set(app.sdkAppId, app);
    if (!this.byApp.has(app.sdkAppId)) this.byApp.set(app.sdkAppId, new Map());
  }

  putGroup(sdkAppId: number, group: EmuGroup): void {
    this.byApp.get(sdkAppId)?.set(group.GroupId, group);
    this.liveCache.delete(sdkAppId);
  }

  clear(): void {
    this.apps.clear();
    this.byApp.clear();
    this.liveCache.clear();
    this.accountMutes.clear();
  }

  app(sdkAppId: number): EmuApp | undefined {
    return this.apps.get(sdkAppId);
  }

  group(sdkAppId: number, groupId: string): EmuGroup | undefined {
    return this.byApp.get(sdkAppId)?.get(groupId);
  }

  groups(sdkAppId: number): readonly EmuGroup[] {
    let live = this.liveCache.get(sdkAppId);
    if (!live) {
      live = [...(this.byApp.get(sdkAppId)?.values() ?? [])].filter((g) => !g.dismissed);
      this.liveCache.set(sdkAppId, live);
    }
    return live;
  }

  membership(group: EmuGroup, account: string): Membership | undefined {
    if (group.dismissed) return undefined;
    if (group.Type === "AVChatRoom") {
      // A live group keeps no member list: its members are its viewers online now.
      const viewer = group.online.find((m) => m.Member_Account === account);
      if (!viewer) return undefined;
      const role: MemberRole = group.Owner_Account === account ? "Owner" : "Member";
      return { group, role, joinTime: viewer.JoinTime, msgFlag: "AcceptAndNotify" };
    }
    const i = group.members.indexOf(account);
    if (i < 0) return undefined;
    const m = group.members.at(i);
    return { group, role: m.Role, joinTime: m.JoinTime, msgFlag: m.MsgFlag };
  }

  membershipsOf(sdkAppId: number, account: string): Membership[] {
    return this.groups(sdkAppId).flatMap((g) => {
      const m = this.membership(g, account);
      return m ? [m] : [];
    });
  }

  setMarks(group: EmuGroup, account: string, marks: ReadonlySet<number>): void {
    if (marks.size === 0) group.marks.delete(account);
    else group.marks.set(account, new Set(marks));
  }

  /** The member list as an editable array: generated lists are copied on their first write. */
  private editable(group: EmuGroup): ArrayMemberSource {
    if (group.members instanceof ArrayMemberSource) return group.members;
    const copy = ArrayMemberSource.copyOf(group.members);
    group.members = copy;
    return copy;
  }

  patchMember(group: EmuGroup, account: string, fields: Partial<EmuMember>): void {
    this.editable(group).patch(account, fields);
  }

  mute(group: EmuGroup, accounts: readonly string[], until: number): void {
    if (group.Type === "AVChatRoom") {
      for (const a of accounts)
        if (until > 0) group.viewerMutes.set(a, until);
        else group.viewerMutes.delete(a);
      return;
    }
    const list = this.editable(group);
    for (const a of accounts) list.patch(a, { MuteUntil: until });
  }

  mutedOf(group: EmuGroup, now: number): { account: string; until: number }[] {
    const out: { account: string; until: number }[] = [];
    for (const [account, until] of group.viewerMutes) if (until > now) out.push({ account, until });
    for (let i = 0; i < group.members.count(); i++) {
      const m = group.members.at(i);
      if (m.MuteUntil > now) out.push({ account: m.Member_Account, until: m.MuteUntil });
    }
    return out;
  }

  removeMembers(group: EmuGroup, accounts: readonly string[]): void {
    const gone = new Set(accounts);
    group.online = group.online.filter((m) => !gone.has(m.Member_Account));
    if (group.Type !== "AVChatRoom") this.editable(group).remove(gone);
  }

  ban(group: EmuGroup, accounts: readonly string[], until: number): void {
    for (const a of accounts) group.bans.set(a, until);
    // A banned member is out of the group and cannot rejoin until the ban ends.
    this.removeMembers(group, accounts);
  }

  unban(group: EmuGroup, accounts: readonly string[]): void {
    for (const a of accounts) group.bans.delete(a);
  }

  bannedOf(group: EmuGroup, now: number): { account: string; until: number }[] {
    return [...group.bans].filter(([, until]) => until > now).map(([account, until]) => ({ account, until }));
  }

  recall(channel: MessageChannel, seqs: readonly number[]): Map<number, number> {
    const out = new Map<number, number>();
    for (const seq of seqs) {
      const m = channel.messages.find((x) => x.MsgSeq === seq);
      if (m?.state !== "normal") out.set(seq, NO_SUCH_MESSAGE);
      else if (m) {
        m.state = "recalled";
        out.set(seq, 0);
      }
    }
    return out;
  }

  deleteMessagesOf(channel: MessageChannel, sender: string): number {
    let n = 0;
    for (let i = channel.messages.length - 1; i >= 0 && n < 1000; i--) {
      const m = channel.messages[i]!;
      if (m.From_Account !== sender || m.state !== "normal") continue;
      m.state = "deleted";
      n++;
    }
    return n;
  }

  setMuteAll(group: EmuGroup, on: boolean): void {
    group.MuteAllMember = on ? "On" : "Off";
  }

  addMembers(group: EmuGroup, accounts: readonly string[], now: number): void {
    this.editable(group).append(
      accounts.map((a) => ({
        Member_Account: a,
        Role: "Member" as const,
        JoinTime: now,
        MsgSeq: 0,
        MsgFlag: "AcceptAndNotify",
        LastSendMsgTime: 0,
        MuteUntil: 0,
        NameCard: "",
        AppMemberDefinedData: [],
      })),
    );
  }

  changeOwner(group: EmuGroup, newOwner: string): void {
    const list = this.editable(group);
    if (group.Owner_Account) list.patch(group.Owner_Account, { Role: "Member" });
    list.patch(newOwner, { Role: "Owner" });
    group.Owner_Account = newOwner;
  }

  dismiss(sdkAppId: number, group: EmuGroup): void {
    group.dismissed = true;
    this.liveCache.delete(sdkAppId);
  }

  patchGroup(group: EmuGroup, fields: Partial<EmuGroup>): void {
    Object.assign(group, fields);
  }

  addGroup(sdkAppId: number, group: EmuGroup): void {
    this.putGroup(sdkAppId, group);
  }

  appendMessage(channel: MessageChannel, message: Omit<EmuMessage, "MsgSeq" | "state">): number {
    const seq = channel.NextMsgSeq;
    channel.NextMsgSeq = seq + 1;
    channel.messages.push({ ...message, MsgSeq: seq, state: "normal" });
    channel.LastMsgTime = message.MsgTimeStamp;
    return seq;
  }
}
