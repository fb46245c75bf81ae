// In-memory state behind a small interface: apps and their groups.
import type { EmuGroup } from "./model.js";

export interface EmuApp {
  sdkAppId: number;
  admin: string;
  secretKey: string;
}

export class Store {
  private readonly apps = new Map<number, EmuApp>();
  private readonly groups = new Map<number, Map<string, EmuGroup>>();

  addApp(app: EmuApp): void {
    this.apps.set(app.sdkAppId, app);
    if (!this.groups.has(app.sdkAppId)) this.groups.set(app.sdkAppId, new Map());
  }

  app(sdkAppId: number): EmuApp | undefined {
    return this.apps.get(sdkAppId);
  }

  putGroup(sdkAppId: number, group: EmuGroup): void {
    this.groups.get(sdkAppId)?.set(group.GroupId, group);
  }

  group(sdkAppId: number, groupId: string): EmuGroup | undefined {
    return this.groups.get(sdkAppId)?.get(groupId);
  }

  groupCount(sdkAppId: number): number {
    return this.groups.get(sdkAppId)?.size ?? 0;
  }

  clear(): void {
    this.apps.clear();
    this.groups.clear();
  }
}
