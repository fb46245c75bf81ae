// The port between the tools and Tencent: one generic call per API descriptor. ChatClient implements it
// over HTTP; the per-tool call counter and the unconfigured stub wrap the same single method.
import type { ChatApi } from "./apis/define.js";
import { ConfigurationError } from "./errors.js";

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
  /** Told the number of each HTTP attempt as it starts (1 = first try). */
  onAttempt?: (attempt: number) => void;
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

export interface ChatCaller {
  call<Req, Res>(api: ChatApi<Req, Res>, request: Req, opts?: CallOptions): Promise<Res>;
}

/** Counts each call by API name into `counts` (the per-tool log line). */
export function countingCaller(inner: ChatCaller, counts: Map<string, number>): ChatCaller {
  return {
    call(api, request, opts) {
      counts.set(api.name, (counts.get(api.name) ?? 0) + 1);
      return inner.call(api, request, opts);
    },
  };
}

/** A caller that answers every call with the configuration error (credentials missing). */
export function unconfiguredCaller(message: string): ChatCaller {
  return {
    call: async () => {
      throw new ConfigurationError(message);
    },
  };
}
