// One audit line per write call: the tool writes it (dry run, outcome, refusal), and when a write call
// ends in an error without one, the server writes it (a failure or a refusal the tool did not record).
// The line never holds the confirm token (its fingerprint instead) or a credential, and names the client.
import type { AuditRecord, AuditSink } from "../core/audit.js";
import type { AuditInput, WriteSafety } from "../tools/define.js";

export interface CallAuditOptions {
  sink?: AuditSink;
  /** Without a file: the record as an MCP log notification at notice level. */
  notify(record: AuditRecord): Promise<void>;
  redact<T>(value: T): T;
  /** The client's name (initialize's clientInfo), else its User-Agent over HTTP. */
  client?: string;
  /** With several apps: the profile and its SDKAppID. */
  app?: { profile: string; sdkappid?: number };
  safety: WriteSafety["call"];
}

export interface CallAudit {
  audit(record: AuditInput): Promise<void>;
  readonly written: boolean;
}

export function callAudit(o: CallAuditOptions): CallAudit {
  let written = false;
  return {
    get written() {
      return written;
    },
    async audit(record) {
      if (written) return; // exactly one line per call
      written = true;
      const { confirm_token: _token, ...args } = record.args;
      const full: AuditRecord = o.redact({
        time: new Date().toISOString(),
        ...record,
        args,
        ...(o.safety.confirmation ? { confirmation: o.safety.confirmation } : {}),
        ...(o.safety.token_fingerprint ? { token_fingerprint: o.safety.token_fingerprint } : {}),
        ...(o.client ? { client: o.client } : {}),
        ...(o.app ? o.app : {}),
      });
      if (o.sink) await o.sink.write(full);
      else await o.notify(full);
    },
  };
}
