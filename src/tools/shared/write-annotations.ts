import type { ToolAnnotations } from "../define.js";

/** A write to Tencent (open world); destructive when it takes something away that a retry cannot restore. */
export function writeAnnotations(title: string, destructive: boolean, idempotent = true): ToolAnnotations {
  return { title, readOnlyHint: false, destructiveHint: destructive, idempotentHint: idempotent, openWorldHint: true };
}
