// Confirmation tokens for writes: a dry run returns one, the real call must carry it. The token is an HMAC
// of the tool and its canonical arguments with a key derived from the app's secret, plus an expiry, so any
// replica of the same app accepts a token another issued, and a token never fits other arguments. It has
// one exact form (anything else is refused), and a write ledger spends it: it confirms one real call.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const CONFIRM_TOKEN_SECONDS = 600;
const TAG_LENGTH = 22;
/** base36 expiry, a nonce (each dry run's token is its own), the base64url tag: nothing before, between or after. */
const TOKEN_FORM = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{22})$/;

/** Arguments in one canonical form: keys sorted, lists of plain values sorted, the token fields left out. */
export function canonicalArgs(args: Record<string, unknown>): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(norm);
      return items.every((x) => typeof x !== "object") ? [...items].sort() : items;
    }
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  const { dry_run: _d, confirm_token: _c, ...rest } = args;
  return JSON.stringify(norm(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))));
}

export type TokenVerdict = "ok" | "expired" | "mismatch" | "malformed";

export interface ConfirmTokens {
  issue(tool: string, args: Record<string, unknown>, nowSeconds?: number): string;
  /** "ok", or why the token does not confirm these arguments. */
  check(tool: string, args: Record<string, unknown>, token: string, nowSeconds?: number): TokenVerdict;
  /** With several apps: the other app a token that does not fit belongs to, if any. */
  appOf?(tool: string, args: Record<string, unknown>, token: string): string | undefined;
}

export function confirmTokens(key: Buffer): ConfirmTokens {
  const tag = (tool: string, exp: number, nonce: string, args: Record<string, unknown>) =>
    createHmac("sha256", key)
      .update(`${tool}\n${exp}\n${nonce}\n${canonicalArgs(args)}`)
      .digest("base64url")
      .slice(0, TAG_LENGTH);
  const now = () => Math.floor(Date.now() / 1000);
  return {
    issue: (tool, args, t = now()) => {
      const exp = t + CONFIRM_TOKEN_SECONDS;
      const nonce = randomBytes(6).toString("base64url");
      return `${exp.toString(36)}.${nonce}.${tag(tool, exp, nonce, args)}`;
    },
    check: (tool, args, token, t = now()) => {
      const m = TOKEN_FORM.exec(token);
      const exp = m ? Number.parseInt(m[1]!, 36) : Number.NaN;
      // One spelling per token: a leading zero or any other variant of the expiry is not this token.
      if (!m || !Number.isSafeInteger(exp) || exp.toString(36) !== m[1]) return "malformed";
      const a = Buffer.from(m[3]!);
      const b = Buffer.from(tag(tool, exp, m[2]!, args));
      if (a.length !== b.length || !timingSafeEqual(a, b)) return "mismatch";
      return t > exp ? "expired" : "ok";
    },
  };
}

/** Seconds until a well-formed token expires (0 for others): how long its spent mark must last. */
export function secondsLeft(token: string, nowSeconds = Math.floor(Date.now() / 1000)): number {
  const m = TOKEN_FORM.exec(token);
  return m ? Math.max(0, Number.parseInt(m[1]!, 36) - nowSeconds) : 0;
}

/** What the audit log and the spent-token ledger keep instead of the token: it cannot be replayed. */
export function tokenFingerprint(token: string): string {
  return createHash("sha256").update(`confirm-token\n${token}`).digest("hex").slice(0, 16);
}

/** The key tokens are signed with, derived from the app's secret (replicas of one app derive the same). */
export function deriveConfirmKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("tencent-chat-group-mcp confirm token v1").digest();
}
