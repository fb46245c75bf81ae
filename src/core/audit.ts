// The audit trail: exactly one JSON line per write call, dry run, refusal and failure, appended to
// TENCENT_CHAT_AUDIT_LOG, or sent as an MCP log notification at "notice" level when no file is configured.
// Records carry the tool, the group, the arguments (account lists included, the confirm token replaced by
// its fingerprint), the outcome, how the write was confirmed and the MCP client; never a credential.
import { constants } from "node:fs";
import { access, appendFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { ConfigurationError } from "../chat/errors.js";

/** What became of the call: previewed, done (wholly or in part), refused before sending, declined by a person, failed, or stopped mid-way. */
export type AuditStatus = "dry_run" | "done" | "partial" | "refused" | "declined" | "failed" | "interrupted";

export interface AuditRecord {
  time: string;
  tool: string;
  group_id?: string;
  status: AuditStatus;
  dry_run: boolean;
  args: Record<string, unknown>;
  outcome: Record<string, unknown>;
  /** How a write that needed confirmation got it. */
  confirmation?: "token" | "elicitation" | "not_needed";
  /** The confirm token's fingerprint: the token itself is never written (whoever reads the log could replay it). */
  token_fingerprint?: string;
  client?: string;
  /** With several apps (profiles): which one. */
  profile?: string;
  sdkappid?: number;
}

export interface AuditSink {
  /** Throws when the line cannot be written. */
  write(record: AuditRecord): Promise<void>;
  /** Rejects when a line could not be appended now (checked before a write is sent). */
  ready(): Promise<void>;
}

/**
 * One record as one line, whatever it carries: JSON escapes \n and \r, and these escape U+0085, U+2028 and
 * U+2029 too, which readers that split on every Unicode line terminator would take for line breaks.
 */
export function auditLine(record: AuditRecord): string {
  return `${JSON.stringify(record).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

/** Whether a line can be appended to `path`: the file is writable, or can be created in its folder. */
async function appendable(path: string): Promise<void> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
  if (!info) return access(dirname(path), constants.W_OK);
  if (!info.isFile()) throw new Error(`${path} is not a file`);
  return access(path, constants.W_OK);
}

/** Checked at start: a configured audit log that cannot be appended to is a configuration error. */
export async function checkAuditLog(path: string): Promise<void> {
  try {
    await appendFile(path, "", { encoding: "utf8", mode: 0o600 });
  } catch (err) {
    throw new ConfigurationError(
      `TENCENT_CHAT_AUDIT_LOG (--audit-log): cannot append to ${path} (${err instanceof Error ? err.message : String(err)}). Writes are refused while their audit line cannot be written: fix the path or its permissions.`,
    );
  }
}

/** Appends records in call order. */
export function fileAuditSink(path: string): AuditSink {
  let queue: Promise<void> = Promise.resolve();
  return {
    write(record) {
      const line = auditLine(record);
      const next = queue.then(() => appendFile(path, line, { encoding: "utf8", mode: 0o600 }));
      queue = next.catch(() => undefined);
      return next;
    },
    ready: () => appendable(path),
  };
}
