// Resume cursors: base64url JSON that carries the scan position and the partial counts, so a later call
// continues the scan and ends with the same totals; no server-side session is needed. A cursor is
// signed (HMAC-SHA256 with a key derived from the app's secret, so any replica can verify it and nobody
// can invent counts or rebind it to another group), bound to the tool, the group and the filters, and
// its contents are range-checked again when it comes back.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ChatInputError } from "../chat/errors.js";

const VERSION = 2;
const COPY_IT =
  "Pass the resume_cursor string exactly as a previous partial result gave it, or call again without it to start over.";

const PositionSchema = z.union([
  z.object({ kind: z.literal("offset"), offset: z.number().int().min(0).max(100_000_000) }),
  z.object({ kind: z.literal("next"), next: z.string().max(64) }),
]);

const EnvelopeSchema = z.object({
  v: z.literal(VERSION),
  tool: z.string(),
  bind: z.string(),
  pos: PositionSchema,
  /** Members of the page at `pos` already consumed. */
  skip: z.number().int().min(0).max(10_000),
  state: z.unknown(),
});

export type CursorEnvelope = z.infer<typeof EnvelopeSchema>;

export function bindingOf(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 16);
}

/** The key cursors are signed with, derived from the app's secret (replicas of one app derive the same). */
export function deriveCursorKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("tencent-chat-group-mcp resume cursor v2").digest();
}

const TAG_LENGTH = 22; // base64url characters: 128 bits of the HMAC

function tagOf(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url").slice(0, TAG_LENGTH);
}

export interface CursorCodec {
  encode(env: Omit<CursorEnvelope, "v">): string;
  decode<S>(
    cursor: string,
    tool: string,
    bind: string,
    state: z.ZodType<S>,
  ): Omit<CursorEnvelope, "state"> & { state: S };
}

export function cursorCodec(key: Buffer): CursorCodec {
  return {
    encode: (env) => {
      const payload = Buffer.from(JSON.stringify({ v: VERSION, ...env })).toString("base64url");
      return `${payload}.${tagOf(key, payload)}`;
    },
    decode: (cursor, tool, bind, state) => {
      const dot = cursor.lastIndexOf(".");
      const payload = cursor.slice(0, dot);
      const given = Buffer.from(cursor.slice(dot + 1));
      const expected = Buffer.from(tagOf(key, payload));
      if (dot < 0 || given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new ChatInputError(
          "resume_cursor",
          "resume_cursor is not a cursor this server issued (or was edited)",
          undefined,
          COPY_IT,
        );
      return decodePayload(payload, tool, bind, state);
    },
  };
}

function decodePayload<S>(
  cursor: string,
  tool: string,
  bind: string,
  state: z.ZodType<S>,
): Omit<CursorEnvelope, "state"> & { state: S } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new ChatInputError("resume_cursor", "resume_cursor is not a cursor this server issued", undefined, COPY_IT);
  }
  const env = EnvelopeSchema.safeParse(parsed);
  if (!env.success)
    throw new ChatInputError("resume_cursor", "resume_cursor is malformed or from another version", undefined, COPY_IT);
  if (env.data.tool !== tool || env.data.bind !== bind)
    throw new ChatInputError(
      "resume_cursor",
      `resume_cursor belongs to another call (a different tool, group or filters)`,
      undefined,
      `Call ${tool} again with the same arguments as the call that returned the cursor, or without resume_cursor to start over.`,
    );
  const s = state.safeParse(env.data.state);
  if (!s.success) throw new ChatInputError("resume_cursor", "resume_cursor state is malformed", undefined, COPY_IT);
  return { ...env.data, state: s.data };
}
