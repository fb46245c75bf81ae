// Resume cursors: opaque base64url JSON that carries the scan position and the partial counts, so a
// later call continues the scan and ends with the same totals; no server-side session is needed.
// A cursor is bound to the tool, the group and the filters, and rejected anywhere else.
import { createHash } from "node:crypto";
import { z } from "zod";
import { ChatInputError } from "../chat/errors.js";

const VERSION = 1;
const COPY_IT =
  "Pass the resume_cursor string exactly as a previous partial result gave it, or call again without it to start over.";

const PositionSchema = z.union([
  z.object({ kind: z.literal("offset"), offset: z.number().int().min(0) }),
  z.object({ kind: z.literal("next"), next: z.string().max(64) }),
]);

const EnvelopeSchema = z.object({
  v: z.literal(VERSION),
  tool: z.string(),
  bind: z.string(),
  pos: PositionSchema,
  /** Members of the page at `pos` already consumed. */
  skip: z.number().int().min(0),
  state: z.unknown(),
});

export type CursorEnvelope = z.infer<typeof EnvelopeSchema>;

export function bindingOf(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 16);
}

export function encodeCursor(env: CursorEnvelope): string {
  return Buffer.from(JSON.stringify(env)).toString("base64url");
}

export function decodeCursor<S>(
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
