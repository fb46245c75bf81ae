import type { GroupType } from "./group-types.js";

// The wrapped APIs: the five of the seeds, and the live-group online count. Service/command pairs come from the seed documents' URLs
// (not their "Request API" rows, two of which are copy-paste errors; reference §A.3, §A.5).
export const API_NAMES = [
  "get_group_info",
  "get_group_member_info",
  "get_members",
  "get_online_member_num",
  "get_group_online_member_num",
  "modify_user_info",
] as const;
export type ApiName = (typeof API_NAMES)[number];

export interface Endpoint {
  readonly name: ApiName;
  readonly service: string;
  readonly command: string;
  /** Group types the seed document marks as supported; others answer 10007. */
  readonly supportedTypes: readonly GroupType[];
  /** True when the call changes state (only modify_user_info). */
  readonly write: boolean;
}

export const ENDPOINTS: Readonly<Record<ApiName, Endpoint>> = Object.freeze({
  get_group_info: {
    name: "get_group_info",
    service: "group_open_http_svc",
    command: "get_group_info",
    supportedTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
    write: false,
  },
  get_group_member_info: {
    name: "get_group_member_info",
    service: "group_open_http_svc",
    command: "get_group_member_info",
    // AVChatRoom has no member list; Community only through the Next cursor (seed-2).
    supportedTypes: ["Private", "Public", "ChatRoom", "Community"],
    write: false,
  },
  get_members: {
    name: "get_members",
    service: "group_open_avchatroom_http_svc",
    command: "get_members",
    // seed-0 says AVChatRoom and Community (the 2025-11 zh page says AVChatRoom only).
    supportedTypes: ["AVChatRoom", "Community"],
    write: false,
  },
  get_online_member_num: {
    name: "get_online_member_num",
    service: "million_group_open_http_svc",
    command: "get_online_member_num",
    // seed-1: Community only (older zh pages say every type).
    supportedTypes: ["Community"],
    write: false,
  },
  get_group_online_member_num: {
    name: "get_group_online_member_num",
    service: "group_open_http_svc",
    command: "get_online_member_num",
    // The live-group online count (reference §F, 10 s granularity). Other types need a top plan and a
    // console switch (UNCONFIRMED how they answer without it): the safe reading calls it for AVChatRoom only.
    supportedTypes: ["AVChatRoom"],
    write: false,
  },
  modify_user_info: {
    name: "modify_user_info",
    service: "group_open_avchatroom_http_svc",
    command: "modify_user_info",
    supportedTypes: ["AVChatRoom"],
    write: true,
  },
});

export function endpointPath(api: ApiName): string {
  const e = ENDPOINTS[api];
  return `/v4/${e.service}/${e.command}`;
}

export function findEndpointByPath(service: string, command: string): Endpoint | undefined {
  return Object.values(ENDPOINTS).find((e) => e.service === service && e.command === command);
}

// Regional domains and standby domains (reference §A.0). Tokyo's standby is on the newer zh pages
// (docs/drift.md); Riyadh's is documented nowhere, so it is left out rather than guessed.
export const REGIONS = [
  "china",
  "singapore",
  "seoul",
  "tokyo",
  "frankfurt",
  "mumbai",
  "silicon-valley",
  "jakarta",
  "riyadh",
] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_DOMAINS: Readonly<Record<Region, { primary: string; standby?: string }>> = Object.freeze({
  china: { primary: "console.tim.qq.com", standby: "adminapi.my-imcloud.com" },
  singapore: { primary: "adminapisgp.im.qcloud.com", standby: "adminapisgp.my-imcloud.com" },
  seoul: { primary: "adminapikr.im.qcloud.com", standby: "adminapikr.my-imcloud.com" },
  tokyo: { primary: "adminapijpn.im.qcloud.com", standby: "adminapijpn.my-imcloud.com" },
  frankfurt: { primary: "adminapiger.im.qcloud.com", standby: "adminapiger.my-imcloud.com" },
  mumbai: { primary: "adminapiind.im.qcloud.com", standby: "adminapiind.my-imcloud.com" },
  "silicon-valley": { primary: "adminapiusa.im.qcloud.com", standby: "adminapiusa.my-imcloud.com" },
  jakarta: { primary: "adminapiidn.im.qcloud.com", standby: "adminapiidn.my-imcloud.com" },
  riyadh: { primary: "adminapiksa.im.qcloud.com" },
});
