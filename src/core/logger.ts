// The one logger: stderr only (stdout belongs to the MCP protocol in stdio mode), with a last-line
// redaction of anything that looks like a UserSig or the configured secrets.
import type { LogLevelName } from "../config/load.js";
import { redactCredentials } from "./redact.js";

const ORDER: Record<LogLevelName, number> = { debug: 10, info: 20, warning: 30, error: 40 };

export interface Logger {
  log(level: LogLevelName, message: string, data?: Record<string, unknown>): void;
  /** Extra strings never to print (the secret key, a configured UserSig, the MCP token). */
  addSecret(secret: string | undefined): void;
  redact(text: string): string;
}

export function createLogger(
  level: LogLevelName,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const secrets = new Set<string>();
  const redact = (text: string) => {
    let out = redactCredentials(text);
    for (const s of secrets) if (s.length >= 6) out = out.split(s).join("[REDACTED]");
    return out;
  };
  return {
    log(l, message, data) {
      if (ORDER[l] < ORDER[level]) return;
      const extra = data ? ` ${JSON.stringify(data)}` : "";
      write(redact(`[tencent-chat-group-mcp] ${l}: ${message}${extra}`));
    },
    addSecret(secret) {
      if (secret) secrets.add(secret);
    },
    redact,
  };
}
