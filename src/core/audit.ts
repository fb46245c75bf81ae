// The audit trail of every write call and dry run: one JSON line per call, appended to TENCENT_CHAT_AUDIT_LOG,
// or sent as an MCP log notification at "notice" level when no file is configured. Records carry the tool,
// the group, the arguments (account lists included), the outcome per chunk and the MCP client's name; never a
// credential (the arguments are a tool's own, and the outcome's texts are redacted like any tool output).
import { appendFile } from "node:fs/promises";

export interface AuditRecord {
  time: string;
  tool: string;
  group_id: string;
  dry_run: boolean;
  args: Record<string, unknown>;
  outcome: Record<string, unknown>;
  client?: string;
}

export interface AuditSink {
  write(record: AuditRecord): Promise<void>;
}

/** Appends records in call order; a failed append is reported, never lost silently. */
export function fileAuditSink(path: string, onError: (message: string) => void): AuditSink {
  let queue: Promise<void> = Promise.resolve();
  return {
    write(record) {
      const line = `${JSON.stringify(record)}\n`;
      queue = queue.then(() =>
        appendFile(path, line, { encoding: "utf8", mode: 0o600 }).catch((err: unknown) =>
          onError(`audit log ${path}: ${err instanceof Error ? err.message : String(err)}`),
        ),
      );
      return queue;
    },
  };
}
