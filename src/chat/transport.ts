// The sender: one undici keep-alive Agent per client (pools per origin), a per-request timeout,
// and the caller's AbortSignal, both of which cancel the HTTP request in flight.
import type { Agent } from "undici";
import { ChatHttpError, ChatNetworkError, ChatProtocolError, redactUrl } from "./errors.js";
import { parseJsonBigIntegersAsStrings } from "./lossless-json.js";

export interface SendResult {
  /** Parsed JSON body (HTTP 200 only). */
  json: unknown;
}

export class HttpSender {
  private agent: Promise<Agent> | undefined;

  constructor(private readonly connections = 32) {}

  // undici is loaded on the first request, not at start-up: hosts spawn servers often.
  private getAgent(): Promise<Agent> {
    this.agent ??= import("undici").then(
      ({ Agent }) =>
        new Agent({
          connections: this.connections,
          keepAliveTimeout: 30_000,
          keepAliveMaxTimeout: 600_000,
          pipelining: 1,
        }),
    );
    return this.agent;
  }

  async post(
    api: string,
    url: string,
    body: string,
    timeoutMs: number,
    signal?: AbortSignal,
    bigIntegers = false,
  ): Promise<SendResult> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const safeUrl = redactUrl(url);
    const u = new URL(url);
    let text: string;
    let status: number;
    try {
      const agent = await this.getAgent();
      const res = await agent.request({
        origin: u.origin,
        path: `${u.pathname}${u.search}`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: combined,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (err) {
      if (signal?.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
      const timedOut = timeout.aborted || isTimeoutError(err);
      const message = timedOut ? `no answer within ${timeoutMs} ms` : describeNetworkError(err);
      // The undici error can quote the full URL; keep only its class and code, never the cause object.
      throw new ChatNetworkError(api, message, safeUrl, timedOut);
    }
    if (status !== 200) throw new ChatHttpError(api, status, safeUrl);
    try {
      return { json: bigIntegers ? parseJsonBigIntegersAsStrings(text) : JSON.parse(text) };
    } catch {
      const kind = /^\s*</.test(text) ? "an HTML page" : "not JSON";
      throw new ChatProtocolError(api, `the answer was ${kind} (${text.length} bytes)`, safeUrl);
    }
  }

  async close(): Promise<void> {
    if (this.agent) await (await this.agent).close();
  }
}

function isTimeoutError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return (
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT" ||
    (err as Error)?.name === "TimeoutError"
  );
}

function describeNetworkError(err: unknown): string {
  const e = err as { code?: string; name?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code;
  return code ? `connection failed (${code})` : `connection failed (${e?.name ?? "unknown error"})`;
}
