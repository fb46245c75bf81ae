// The only place MCP tool results are built: structured content plus a compact human text, and
// errors as isError results that say what went wrong, whether a retry helps, and what to do next.
import { randomUUID } from "node:crypto";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { restPathOf } from "../chat/apis/index.js";
import { describeFailure } from "../chat/error-codes.js";
import { ChatApiError, ChatError } from "../chat/errors.js";
import type { Logger } from "../core/logger.js";
import { sanitizeText } from "../core/sanitize.js";

export const DEMO_LABEL = "[DEMO DATA from the embedded emulator, not your real groups]";

/** Every string in a value passed through `redact` (structured results carry upstream text too). */
export function redactDeep<T>(value: T, redact: (s: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  return value;
}

export function toToolResult(
  data: Record<string, unknown>,
  text: string,
  opts: { demo: boolean; redact: (s: string) => string },
): CallToolResult {
  // Upstream answers can echo a request URL (ErrorInfo): nothing leaves without the credential redaction.
  const safeText = opts.redact(text);
  return {
    content: [{ type: "text", text: opts.demo ? `${DEMO_LABEL}\n${safeText}` : safeText }],
    structuredContent: redactDeep(data, opts.redact),
    ...(opts.demo ? { _meta: { demo: true } } : {}),
  };
}

export function toErrorResult(err: unknown, logger: Logger, toolName: string): CallToolResult {
  const d = describeFailure(err);
  const lines: string[] = [];
  if (err instanceof ChatApiError) {
    // Name the tool the agent called and the REST API behind the failure: a read inside a write (the group's
    // type and owner before a mute) is not a tool the agent called.
    const readInside = err.api === "get_group_info" && toolName !== "get_group_info";
    lines.push(
      `${toolName} ${readInside ? "could not read the group" : "failed"}: REST ${restPathOf(err.api)} answered Chat API error ${err.code}${err.info ? ` (Tencent says: ${JSON.stringify(sanitizeText(err.info, 300))})` : ""}.`,
    );
  }
  if (err instanceof ChatError || d.known) {
    lines.push(`What went wrong: ${d.meaning}`);
  } else {
    // Unexpected: a generic message here, the details (redacted) on stderr under an id.
    const id = randomUUID().slice(0, 8);
    logger.log(
      "error",
      `unexpected error in ${toolName} [${id}]: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    lines.push(`What went wrong: an unexpected internal error (id ${id}; details are in the server's log).`);
  }
  lines.push(
    `Retry? ${d.retryable ? `yes${d.retryAfterSeconds ? `, after at least ${d.retryAfterSeconds} s` : ""}` : "no, not with the same request"}.`,
  );
  lines.push(`What to do next: ${d.nextStep}`);
  const hint = { error: d.category, ...(d.code !== undefined ? { code: d.code } : {}), retryable: d.retryable };
  lines.push(`(${JSON.stringify(hint)})`);
  return { content: [{ type: "text", text: logger.redact(lines.join("\n")) }], isError: true };
}
