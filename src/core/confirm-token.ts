// Confirmation tokens for large writes: a dry run returns one, the real call must carry it. Stateless (an
// HMAC of the tool and its canonical arguments with a key derived from the app's secret, plus an expiry),
// so any replica of the same app accepts a token another issued, and a token never fits other arguments.
import { createHmac, timingSafeEqual } from "node:crypto";

const VALID_SECONDS = 600;
const TAG_LENGTH = 22;

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

export interface ConfirmTokens {
  issue(tool: string, args: Record<string, unknown>, nowSeconds?: number): string;
  /** "ok", or why the token does not confirm these arguments. */
  check(tool: string, args: Record<string, unknown>, token: string, nowSeconds?: number): "ok" | "expired" | "mismatch";
}

export function confirmTokens(key: Buffer): ConfirmTokens {
  const tag = (tool: string, exp: number, args: Record<string, unknown>) =>
    createHmac("sha256", key)
      .update(`${tool}\n${exp}\n${canonicalArgs(args)}`)
      .digest("base64url")
      .slice(0, TAG_LENGTH);
  const now = () => Math.floor(Date.now() / 1000);
  return {
    issue: (tool, args, t = now()) => {
      const exp = t + VALID_SECONDS;
      return `${exp.toString(36)}.${tag(tool, exp, args)}`;
    },
    check: (tool, args, token, t = now()) => {
      const [expText, given] = token.split(".");
      const exp = Number.parseInt(expText ?? "", 36);
      if (!given || !Number.isFinite(exp)) return "mismatch";
      const a = Buffer.from(given);
      const b = Buffer.from(tag(tool, exp, args));
      if (a.length !== b.length || !timingSafeEqual(a, b)) return "mismatch";
      return t > exp ? "expired" : "ok";
    },
  };
}

/** The key tokens are signed with, derived from the app's secret (replicas of one app derive the same). */
export function deriveConfirmKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("tencent-chat-group-mcp confirm token v1").digest();
}
