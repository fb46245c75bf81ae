// The port the MCP tools depend on. ChatClient implements it over HTTP; tools never build it.
import type {
  GetGroupInfoRequest,
  GetGroupInfoResult,
  GetGroupMemberInfoRequest,
  GetGroupMemberInfoResult,
  GetOnlineMemberNumResult,
  GetOnlineMembersRequest,
  GetOnlineMembersResult,
  GroupIdRequest,
  ModifyUserInfoRequest,
  ModifyUserInfoResult,
} from "./wire-types.js";

export interface CallOptions {
  /** Cancels the HTTP request in flight (and any retry wait). */
  signal?: AbortSignal;
  /** Per-request timeout override in milliseconds. */
  timeoutMs?: number;
  /**
   * Epoch ms up to which rate-limit answers (60007/60011/60018/60019) are retried with backoff, beyond
   * the usual attempt count: they mean "too fast", not "broken". Aggregates pass their deadline.
   */
  patientUntilMs?: number;
}

/** Called once per HTTP attempt; for logs, progress and reports. Never receives credentials. */
export interface CallEvent {
  api: string;
  attempt: number;
  durationMs: number;
  outcome: "ok" | "api_error" | "http_error" | "network_error" | "timeout";
  errorCode?: number;
  /** Set when the client will retry this call, with the wait before it. */
  retryInMs?: number;
}

export interface ChatGroupApi {
  getGroupInfo(req: GetGroupInfoRequest, opts?: CallOptions): Promise<GetGroupInfoResult>;
  getGroupMemberInfo(req: GetGroupMemberInfoRequest, opts?: CallOptions): Promise<GetGroupMemberInfoResult>;
  /** AVChatRoom `group_open_avchatroom_http_svc/get_members`. */
  getOnlineMembers(req: GetOnlineMembersRequest, opts?: CallOptions): Promise<GetOnlineMembersResult>;
  /** `million_group_open_http_svc/get_online_member_num` (Community). */
  getCommunityOnlineMemberNum(req: GroupIdRequest, opts?: CallOptions): Promise<GetOnlineMemberNumResult>;
  /** `group_open_http_svc/get_online_member_num`: the online count of an AVChatRoom (live group). */
  getLiveOnlineMemberNum(req: GroupIdRequest, opts?: CallOptions): Promise<GetOnlineMemberNumResult>;
  /** AVChatRoom member marks (`modify_user_info`). */
  modifyUserInfo(req: ModifyUserInfoRequest, opts?: CallOptions): Promise<ModifyUserInfoResult>;
}
