// The emulator's state behind one small interface the handlers call (fake-gcs-server's backend): apps,
// their groups, memberships, and the few writes the APIs make. Handlers never reach into a group's
// collections to change them.
import type { EmuGroup, MemberRole } from "./model.js";

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
}

export class MemoryStore implements EmuStore {
  private readonly apps = new Map<number, EmuApp>();
  private readonly byApp = new Map<number, Map<string, EmuGroup>>();
  private readonly liveCache = new Map<number, EmuGroup[]>();

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
}
