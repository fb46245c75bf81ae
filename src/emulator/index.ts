// startEmulator(): the local Chat REST emulator as a library, for tests, benchmarks and --demo.
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Authenticator } from "./auth.js";
import { demoGroups, generatedGroup } from "./demo-data.js";
import { FaultPlan, type FaultSpec, type FaultStats } from "./faults.js";
import { type MemberStats, memberStats } from "./generated.js";
import { type EmuGroup, isEmuGroupType } from "./model.js";
import { CallCounter } from "./rate-limit.js";
import { RULES } from "./rules.js";
import { createEmulatorServer } from "./server.js";
import { type EmuApp, MemoryStore } from "./store.js";

export { clubGroupId } from "./demo-data.js";
export { DEMO_SPAMMER } from "./demo-history.js";
export {
  DEMO_ACCOUNTS,
  DEMO_CLUB_COUNT,
  DEMO_GROUP_IDS,
  DEMO_GROUP_LIST_PAGE_CAP,
  DEMO_TOPIC_IDS,
} from "./demo-ids.js";
export type { FaultRule, FaultSpec } from "./faults.js";
export type { MemberStats } from "./generated.js";

/** The demo app. Its secret key is public by design: it only opens the local emulator. */
export const DEMO_APP: Readonly<EmuApp> = Object.freeze({
  sdkAppId: 1400000001,
  admin: "administrator",
  secretKey: createHash("sha256").update("tencent-chat-group-mcp demo app").digest("hex"),
});

/** The second demo app (--demo --profiles demo): another SDKAppID with groups of its own. */
export const DEMO_INTL_APP: Readonly<EmuApp> = Object.freeze({
  sdkAppId: 1400000003,
  admin: "administrator",
  secretKey: createHash("sha256").update("tencent-chat-group-mcp demo-intl app").digest("hex"),
});

/** The groups of the second demo app: a few of its own, none shared with the first. */
export const DEMO_INTL_GROUPS: readonly SeedGroupSpec[] = Object.freeze([
  { GroupId: "@TGS#2INTLCAFE01", Type: "Public", Name: "Global cafe", memberCount: 30 },
  { GroupId: "@TGS#1INTLTEAM01", Type: "Private", Name: "EMEA support team", memberCount: 8 },
  { GroupId: "@TGS#_@TGS#cINTLFANS1", Type: "Community", Name: "International fans", memberCount: 200 },
]);

/** A second app, so tests can present another app's valid signature (70009/70014). */
export const OTHER_APP: Readonly<EmuApp> = Object.freeze({
  sdkAppId: 1400000002,
  admin: "admin2",
  secretKey: createHash("sha256").update("tencent-chat-group-mcp other app").digest("hex"),
});

export interface EmulatorOptions {
  port?: number;
  host?: string;
  dataset?: "demo" | "empty";
  /** The 6,000-member Public group and the 100k / 1M Communities (generated on demand). */
  largeGroups?: boolean;
  /** Per API per app; default 200 (every group API page states it). */
  callsPerSecond?: number;
  /** get_members page size: 500 per the English page, 250 per the zh page. */
  onlinePageThreshold?: number;
  /** Latest online members get_members can return: 1,000; 30 models a lower edition. */
  onlineListCap?: number;
  /** Doc variant: spaces inside group IDs allowed (true) or malformed, answered 10015 (default). */
  spacesInGroupIds?: boolean;
  /** Doc variant: a member count for AVChatRoom in get_group_info (English pages); default left out (zh page). */
  liveMemberNum?: boolean;
  /** Doc variant: MemberRoleFilter before paging (default) or after it (pages of Limit positions, then filtered). */
  roleFilter?: "before-paging" | "after-paging";
  /** Doc variant: unfiltered member pages carry custom member fields (the get_group_member_info page's examples); default: omitted (its field table). */
  customFieldsByDefault?: boolean;
  /** Doc variant: the mute end is MuteUntil (current pages) or ShutUpUntil (older English page, SDKs). */
  muteField?: "MuteUntil" | "ShutUpUntil";
  /** Doc variant: member banning in live groups only (default, tencentcloud pages) or every type (trtc.io 2025). */
  banTypes?: "live-only" | "all-types";
  /** Doc variant: get_group_muted_account's list (MutedAccountList, default) or the SDKs' ShuttedUinList. */
  mutedListField?: "MutedAccountList" | "ShuttedUinList";
  /** Doc variant: forbid_send_msg's duration field (MuteTime, default) or the older ShutUpTime. */
  muteTimeField?: "MuteTime" | "ShutUpTime";
  /** Doc variant: IDs per get_appid_group_list page whatever Limit asks (default 10,000, the documented maximum). */
  groupListPageCap?: number;
  /** Doc variant: create_group's initial members, at most 100 (REST page, default) or 500 (web SDK). */
  createMembersMax?: number;
  /** Doc variant: where the attribute writes are served (default group_open_http_svc, the pages). */
  attrWriteService?: "group_open_http_svc" | "group_open_attr_http_svc";
  /** Doc variant: group attributes in every type (default, REST pages) or live groups only. */
  attrTypes?: "all" | "live-only";
  /** Doc variant: counters in no Community (default, REST pages) or all but topic-enabled ones (SDK guide). */
  counterTypes?: "no-community" | "no-topic-community";
  /** The app the emulator serves its data to (default: the demo app). */
  app?: Readonly<EmuApp>;
  /** Clock in ms (signature expiry and seed-relative times). */
  now?: () => number;
  seed?: number;
  latencyMs?: number;
}

export interface SeedGroupSpec {
  GroupId: string;
  Type: string;
  Name?: string;
  memberCount?: number;
  seed?: number;
}

export interface EmulatorStats {
  calls: Record<string, number>;
  maxPerSecond: Record<string, number>;
  rateLimited: Record<string, number>;
  /** Non-zero ErrorCodes answered, by code. */
  errorCodes: Record<string, number>;
  faults: FaultStats;
}

export interface EmulatorControl {
  reset(): void;
  setFaults(spec: FaultSpec): void;
  clearFaults(): void;
  /** Calls per API ("<sdkappid>:<api>" keys), max calls in any 1 s window, 60007 rejections, faults. */
  stats(): EmulatorStats;
  /** Total /v4 calls accepted so far (all APIs). */
  totalCalls(): number;
  addGroups(specs: SeedGroupSpec[]): { added: number };
  group(groupId: string): EmuGroup | undefined;
  /** The demo app's existing groups, in creation order (the emulator's truth, for checking discovery tools). */
  groups(): readonly EmuGroup[];
  /** The groups an account belongs to, with its role in each. */
  groupsOf(account: string): { groupId: string; type: string; role: string }[];
  /** Exact member statistics of a group at `nowSeconds` (default: the emulator's clock), for checking aggregate tools. */
  expectedStats(groupId: string, nowSeconds?: number): MemberStats;
  /** Unix seconds the seed data is anchored to. */
  readonly anchorSeconds: number;
}

export interface RunningEmulator {
  url: string;
  credentials: { sdkAppId: number; identifier: string; secretKey: string };
  control: EmulatorControl;
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 42;
  const anchor = Math.floor(now() / 1000);
  // The app it serves the demo data to (another app's emulator: a second demo app, or tests).
  const app = options.app ?? DEMO_APP;
  const store = new MemoryStore();
  const faults = new FaultPlan();
  const counter = new CallCounter(options.callsPerSecond ?? RULES.defaultCallsPerSecond);
  const auth = new Authenticator(store);

  const load = () => {
    store.clear();
    store.addApp({ ...app });
    if (app.sdkAppId !== OTHER_APP.sdkAppId) store.addApp({ ...OTHER_APP });
    if ((options.dataset ?? "demo") === "demo")
      for (const g of demoGroups(anchor, seed, options.largeGroups ?? true)) store.putGroup(app.sdkAppId, g);
    faults.set({ latencyMs: options.latencyMs });
    counter.reset();
    auth.reset();
  };
  load();

  const addGroups = (specs: SeedGroupSpec[]) => {
    let added = 0;
    for (const s of specs) {
      if (typeof s?.GroupId !== "string" || !isEmuGroupType(s.Type))
        throw new Error("each group needs GroupId and a valid Type");
      store.putGroup(
        app.sdkAppId,
        generatedGroup(
          s.GroupId,
          s.Type,
          s.Name ?? s.GroupId,
          Math.max(1, s.memberCount ?? 10),
          s.seed ?? seed,
          anchor,
          `u${added}_`,
        ),
      );
      added++;
    }
    return { added };
  };

  const server = createEmulatorServer({
    store,
    settings: {
      onlinePageThreshold: options.onlinePageThreshold ?? RULES.onlinePageThreshold,
      onlineListCap: options.onlineListCap ?? RULES.onlineListCap,
      muteField: options.muteField ?? "MuteUntil",
      customFieldsByDefault: options.customFieldsByDefault ?? false,
      roleFilter: options.roleFilter ?? "before-paging",
      liveMemberNum: options.liveMemberNum ?? false,
      spacesInGroupIds: options.spacesInGroupIds ?? false,
      groupListPageCap: options.groupListPageCap ?? RULES.groupIdPageMax,
      createMembersMax: options.createMembersMax ?? RULES.createMembersMax,
      attrWriteService: options.attrWriteService ?? "group_open_http_svc",
      attrTypes: options.attrTypes ?? "all",
      counterTypes: options.counterTypes ?? "no-community",
      banTypes: options.banTypes ?? "live-only",
      mutedListField: options.mutedListField ?? "MutedAccountList",
      muteTimeField: options.muteTimeField ?? "MuteTime",
    },
    faults,
    counter,
    auth,
    now,
    control: {
      reset: load,
      seed: (body) => addGroups(((body as { groups?: SeedGroupSpec[] })?.groups ?? []) as SeedGroupSpec[]),
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const control: EmulatorControl = {
    reset: load,
    setFaults: (spec) => faults.set({ latencyMs: options.latencyMs, ...spec }),
    clearFaults: () => faults.set({ latencyMs: options.latencyMs }),
    stats: () => ({ ...counter.snapshot(), faults: { ...faults.stats, byKind: { ...faults.stats.byKind } } }),
    totalCalls: () => Object.values(counter.snapshot().calls).reduce((a, b) => a + b, 0),
    addGroups,
    group: (id) => store.group(app.sdkAppId, id),
    groups: () => store.groups(app.sdkAppId),
    groupsOf: (account) =>
      store
        .membershipsOf(app.sdkAppId, account)
        .map((m) => ({ groupId: m.group.GroupId, type: m.group.Type, role: m.role })),
    expectedStats: (id, nowSeconds) => {
      const g = store.group(app.sdkAppId, id);
      if (!g) throw new Error(`no group ${id}`);
      return memberStats(g.members, nowSeconds ?? Math.floor(now() / 1000));
    },
    anchorSeconds: anchor,
  };

  return {
    url: `http://${host}:${address.port}`,
    credentials: { sdkAppId: app.sdkAppId, identifier: app.admin, secretKey: app.secretKey },
    control,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
