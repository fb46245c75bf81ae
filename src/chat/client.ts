// ChatClient: one generic call per API descriptor over the pure builder, the request schema, the per-API
// token bucket, retries with backoff, and the undici sender. Errors carry only redacted URLs.
import type { Config } from "../config/load.js";
import { missingConfiguration } from "../config/load.js";
import type { CallEvent, CallOptions, ChatCaller } from "./api.js";
import { type ChatApi, checkRequest } from "./apis/define.js";
import { ChatApiError, ChatNetworkError, ChatProtocolError, ConfigurationError, redactUrl } from "./errors.js";
import { LocalRateLimiters, type RateLimiters } from "./rate-limiters.js";
import { buildRequest, randomU32 } from "./request.js";
import { Envelope } from "./response-schemas.js";
import { backoffMs, isRetryable, RATE_LIMIT_CODES, waitBeforeRetry } from "./retry.js";
import { SendSlots } from "./send-slots.js";
import { HttpSender } from "./transport.js";
import { createUserSigProvider, type UserSigProvider } from "./usersig.js";

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

export class ChatClient implements ChatCaller {
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

  /** Validates the request against the API's documented limits (refusing before sending), then sends it. */
  async call<Req, Res>(api: ChatApi<Req, Res>, request: Req, opts: CallOptions = {}): Promise<Res> {
    const checked = checkRequest(api, request);
    return this.send(api, checked, opts);
  }

  async close(): Promise<void> {
    await Promise.all([this.sender.close(), this.rateLimiters.close()]);
  }

  private async send<Req, Res>(api: ChatApi<Req, Res>, params: object, opts: CallOptions): Promise<Res> {
    const maxAttempts = this.options.maxAttempts ?? 4;
    const bucket = this.rateLimiters.gate(api.name, api.callsPerSecond);
    for (let attempt = 1; ; attempt++) {
      opts.signal?.throwIfAborted();
      const release = await this.slots.acquire(opts.signal);
      const started = performance.now();
      try {
        await bucket.take(opts.signal);
        opts.onAttempt?.(attempt);
        const value = await this.attempt(api, params, opts);
        this.emit({ api: api.name, attempt, durationMs: performance.now() - started, outcome: "ok" });
        return value;
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
          api: api.name,
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

  private async attempt<Req, Res>(api: ChatApi<Req, Res>, params: object, opts: CallOptions): Promise<Res> {
    const auth = {
      sdkAppId: this.options.sdkAppId,
      identifier: this.options.identifier,
      userSig: this.options.userSig.get(),
    };
    const { url, body } = buildRequest(this.baseUrl, api, params, auth, (this.options.random ?? randomU32)());
    const name = api.name;
    let json: unknown;
    try {
      ({ json } = await this.sender.post(
        name,
        url,
        body,
        opts.timeoutMs ?? this.options.timeoutMs ?? 10_000,
        opts.signal,
        api.bigIntegerFields !== undefined,
      ));
      this.connectionFailures = 0;
    } catch (err) {
      if (err instanceof ChatNetworkError && !err.timedOut) this.noteConnectionFailure();
      throw err;
    }
    const parsedEnvelope = Envelope.safeParse(json);
    if (!parsedEnvelope.success)
      throw new ChatProtocolError(name, "the answer has no readable ActionStatus/ErrorCode envelope", redactUrl(url));
    const envelope = parsedEnvelope.data;
    const code = envelope.ErrorCode ?? 0;
    // Where each item carries its own code (get_group_info) the top-level one means nothing: only FAIL
    // fails the call. Other APIs fail on any code != 0.
    const failed = api.perItemErrors
      ? envelope.ActionStatus === "FAIL"
      : code !== 0 || envelope.ActionStatus === "FAIL";
    if (failed) throw new ChatApiError(name, code, envelope.ErrorInfo ?? "", redactUrl(url));
    const parsed = api.response.safeParse(json);
    if (!parsed.success)
      throw new ChatProtocolError(name, "the answer did not have the documented shape", redactUrl(url));
    return parsed.data;
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
