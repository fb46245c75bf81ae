// ChatClient: one typed method per API over the pure builder, the guards, the per-API token
// bucket, retries with backoff, and the undici sender. Errors carry only redacted URLs.
import type { Config } from "../config/load.js";
import { missingConfiguration } from "../config/load.js";
import type { CallEvent, CallOptions, ChatGroupApi } from "./api.js";
import type { ApiName } from "./endpoints.js";
import { ChatApiError, ChatNetworkError, ChatProtocolError, ConfigurationError, redactUrl } from "./errors.js";
import {
  checkGetGroupInfo,
  checkGetGroupMemberInfo,
  checkGetOnlineMembers,
  checkGroupId,
  checkModifyUserInfo,
  withLegacyMuteField,
} from "./guards.js";
import { LocalRateLimiters, type RateLimiters } from "./rate-limiters.js";
import { buildRequest, randomU32 } from "./request.js";
import * as S from "./response-schemas.js";
import { backoffMs, isRetryable, RATE_LIMIT_CODES, waitBeforeRetry } from "./retry.js";
import { SendSlots } from "./send-slots.js";
import { HttpSender } from "./transport.js";
import { createUserSigProvider, type UserSigProvider } from "./usersig.js";
import type {
  GetGroupInfoRequest,
  GetGroupInfoResult,
  GetGroupMemberInfoRequest,
  GetGroupMemberInfoResult,
  GetOnlineMemberNumResult,
  GetOnlineMembersRequest,
  GetOnlineMembersResult,
  GroupIdRequest,
  GroupInfo,
  ModifyUserInfoRequest,
  ModifyUserInfoResult,
} from "./wire-types.js";

export interface ChatClientOptions {
  baseUrl: string;
  /** Standby domain to switch to after repeated connection failures on the primary one. */
  standbyBaseUrl?: string;
  sdkAppId: number;
  identifier: string;
  userSig: UserSigProvider;
  timeoutMs?: number;
  rateLimits?: Config["rateLimits"];
  /** Where the per-API budget lives (default: local buckets at rateLimits). */
  rateLimiters?: RateLimiters;
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  /** First wait after a rate-limit answer (default 1,000 ms: Tencent's limits are per second). */
  rateLimitDelayMs?: number;
  onCall?: (e: CallEvent) => void;
  /** Operational messages (domain switch); never contain credentials. */
  onNotice?: (message: string) => void;
  random?: () => number;
}

const FAILOVER_AFTER_CONNECTION_FAILURES = 3;
// Requests on the wire at once = HTTP connections: a request never waits in the pool after its token.
const SEND_SLOTS = 32;
// Longer waits (70050 asks for a minute) are not taken silently: the error goes back to the caller,
// whose next step says how long to wait.
const MAX_SILENT_WAIT_MS = 30_000;

export class ChatClient implements ChatGroupApi {
  private readonly sender = new HttpSender(SEND_SLOTS);
  private readonly slots = new SendSlots(SEND_SLOTS);
  readonly rateLimiters: RateLimiters;
  private baseUrl: string;
  private connectionFailures = 0;

  constructor(private readonly options: ChatClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.rateLimiters =
      options.rateLimiters ?? new LocalRateLimiters(options.rateLimits ?? { default: 200, perApi: {} });
  }

  /** The base URL requests go to now (the standby one after a failover). */
  get activeBaseUrl(): string {
    return this.baseUrl;
  }

  async getGroupInfo(req: GetGroupInfoRequest, opts?: CallOptions): Promise<GetGroupInfoResult> {
    checkGetGroupInfo(req);
    const memberFilter = req.ResponseFilter?.MemberInfoFilter;
    if (memberFilter)
      req = { ...req, ResponseFilter: { ...req.ResponseFilter, MemberInfoFilter: withLegacyMuteField(memberFilter) } };
    const { value } = await this.call("get_group_info", req, S.GetGroupInfoResponse, opts);
    // The top-level ErrorCode is meaningless here; each group carries its own (seed-3).
    const groups: GroupInfo[] = [];
    const errors: GetGroupInfoResult["errors"] = [];
    for (const g of value.GroupInfo) {
      if (g.ErrorCode && g.ErrorCode !== 0)
        errors.push({ GroupId: g.GroupId, ErrorCode: g.ErrorCode, ErrorInfo: g.ErrorInfo ?? "" });
      else groups.push(g as GroupInfo);
    }
    return { groups, errors };
  }

  async getGroupMemberInfo(req: GetGroupMemberInfoRequest, opts?: CallOptions): Promise<GetGroupMemberInfoResult> {
    const checked = checkGetGroupMemberInfo(req);
    const { value } = await this.call("get_group_member_info", checked, S.GetGroupMemberInfoResponse, opts);
    const { MemberList, ...rest } = value;
    return {
      ...(rest as Omit<GetGroupMemberInfoResult, "MemberList">),
      MemberList: MemberList.members as GetGroupMemberInfoResult["MemberList"],
      ...(MemberList.skipped > 0 ? { SkippedMembers: MemberList.skipped } : {}),
    };
  }

  async getOnlineMembers(req: GetOnlineMembersRequest, opts?: CallOptions): Promise<GetOnlineMembersResult> {
    checkGetOnlineMembers(req);
    const { value } = await this.call("get_members", req, S.GetOnlineMembersResponse, opts);
    return value as GetOnlineMembersResult;
  }

  async getCommunityOnlineMemberNum(req: GroupIdRequest, opts?: CallOptions): Promise<GetOnlineMemberNumResult> {
    checkGroupId(req.GroupId);
    const { value } = await this.call("get_online_member_num", req, S.GetOnlineMemberNumResponse, opts);
    return value;
  }

  async getLiveOnlineMemberNum(req: GroupIdRequest, opts?: CallOptions): Promise<GetOnlineMemberNumResult> {
    checkGroupId(req.GroupId);
    const { value } = await this.call("get_group_online_member_num", req, S.GetOnlineMemberNumResponse, opts);
    return value;
  }

  async modifyUserInfo(req: ModifyUserInfoRequest, opts?: CallOptions): Promise<ModifyUserInfoResult> {
    checkModifyUserInfo(req);
    // Retried like reads: setting or deleting the same marks twice leaves the same state (seed-4, §A.5).
    const { value, attempts } = await this.call("modify_user_info", req, S.ModifyUserInfoResponse, opts);
    return { CommandType: value.CommandType ?? req.CommandType, MemberList: value.MemberList, attempts };
  }

  async close(): Promise<void> {
    await Promise.all([this.sender.close(), this.rateLimiters.close()]);
  }

  private async call<T>(
    api: ApiName,
    params: object,
    schema: { parse(v: unknown): T },
    opts: CallOptions = {},
  ): Promise<{ value: T; attempts: number }> {
    const maxAttempts = this.options.maxAttempts ?? 4;
    const bucket = this.rateLimiters.gate(api);
    for (let attempt = 1; ; attempt++) {
      opts.signal?.throwIfAborted();
      const release = await this.slots.acquire(opts.signal);
      const started = performance.now();
      try {
        await bucket.take(opts.signal);
        const value = await this.attempt(api, params, schema, opts);
        this.emit({ api, attempt, durationMs: performance.now() - started, outcome: "ok" });
        return { value, attempts: attempt };
      } catch (err) {
        release();
        if (opts.signal?.aborted) throw err;
        const rateLimited = err instanceof ChatApiError && RATE_LIMIT_CODES.has(err.code);
        if (rateLimited) bucket.slowDown();
        const wait = isRetryable(err)
          ? backoffMs(err, attempt, {
              baseMs: this.options.retryBaseDelayMs ?? 100,
              rateLimitMs: this.options.rateLimitDelayMs ?? 1000,
            })
          : undefined;
        // A patient caller (an aggregate with a deadline) outwaits rate limiting as long as its budget allows.
        const patient = rateLimited && opts.patientUntilMs !== undefined;
        const attemptsLeft = patient
          ? wait !== undefined && Date.now() + wait < (opts.patientUntilMs ?? 0)
          : attempt < maxAttempts;
        const affordable = wait !== undefined && attemptsLeft && wait < MAX_SILENT_WAIT_MS;
        this.emit({
          api,
          attempt,
          durationMs: performance.now() - started,
          ...outcomeOf(err),
          retryInMs: affordable ? wait : undefined,
        });
        if (!affordable) throw err;
        await waitBeforeRetry(wait, opts.signal);
      } finally {
        release();
      }
    }
  }

  private async attempt<T>(
    api: ApiName,
    params: object,
    schema: { parse(v: unknown): T },
    opts: CallOptions,
  ): Promise<T> {
    const auth = {
      sdkAppId: this.options.sdkAppId,
      identifier: this.options.identifier,
      userSig: this.options.userSig.get(),
    };
    const { url, body } = buildRequest(this.baseUrl, api, params, auth, (this.options.random ?? randomU32)());
    let json: unknown;
    try {
      ({ json } = await this.sender.post(
        api,
        url,
        body,
        opts.timeoutMs ?? this.options.timeoutMs ?? 10_000,
        opts.signal,
      ));
      this.connectionFailures = 0;
    } catch (err) {
      if (err instanceof ChatNetworkError && !err.timedOut) this.noteConnectionFailure();
      throw err;
    }
    const parsedEnvelope = S.Envelope.safeParse(json);
    if (!parsedEnvelope.success)
      throw new ChatProtocolError(api, "the answer has no readable ActionStatus/ErrorCode envelope", redactUrl(url));
    const envelope = parsedEnvelope.data;
    const code = envelope.ErrorCode ?? 0;
    // get_group_info's top-level code is meaningless (seed-3): only FAIL fails it; each group carries its
    // own code. Other APIs fail on any code != 0.
    const failed =
      api === "get_group_info" ? envelope.ActionStatus === "FAIL" : code !== 0 || envelope.ActionStatus === "FAIL";
    if (failed) throw new ChatApiError(api, code, envelope.ErrorInfo ?? "", redactUrl(url));
    try {
      return schema.parse(json);
    } catch {
      throw new ChatProtocolError(api, "the answer did not have the documented shape", redactUrl(url));
    }
  }

  private noteConnectionFailure(): void {
    this.connectionFailures++;
    const standby = this.options.standbyBaseUrl;
    if (standby && this.connectionFailures >= FAILOVER_AFTER_CONNECTION_FAILURES && this.baseUrl !== standby) {
      this.options.onNotice?.(
        `Switching the Chat API domain from ${new URL(this.baseUrl).host} to the standby ${new URL(standby).host} after ${this.connectionFailures} connection failures.`,
      );
      this.baseUrl = standby.replace(/\/+$/, "");
      this.connectionFailures = 0;
    }
  }

  private emit(e: CallEvent): void {
    try {
      this.options.onCall?.(e);
    } catch {
      // A faulty observer must not break the call.
    }
  }
}

function outcomeOf(err: unknown): Pick<CallEvent, "outcome" | "errorCode"> {
  if (err instanceof ChatApiError) return { outcome: "api_error", errorCode: err.code };
  if (err instanceof ChatNetworkError) return { outcome: err.timedOut ? "timeout" : "network_error" };
  return { outcome: "http_error" };
}

/** Builds the process's one client from the configuration (throws the configuration error if incomplete). */
export function createChatClient(
  config: Config,
  hooks: Pick<ChatClientOptions, "onCall" | "onNotice" | "rateLimiters"> = {},
): ChatClient {
  const missing = missingConfiguration(config);
  if (missing) throw new ConfigurationError(missing);
  const creds = config.credentials;
  if (config.sdkAppId === undefined || !creds || !config.baseUrl)
    throw new ConfigurationError("incomplete configuration");
  return new ChatClient({
    baseUrl: config.baseUrl,
    standbyBaseUrl: config.standbyBaseUrl,
    sdkAppId: config.sdkAppId,
    identifier: config.identifier,
    userSig: createUserSigProvider({
      sdkAppId: config.sdkAppId,
      identifier: config.identifier,
      ...(creds.kind === "secretKey" ? { secretKey: creds.secretKey } : { userSig: creds.userSig }),
    }),
    timeoutMs: config.timeoutMs,
    rateLimits: config.rateLimits,
    maxAttempts: config.maxAttempts,
    ...hooks,
  });
}
