// Attribute and counter parameters with Tencent's limits, checked before anything is sent.
import { z } from "zod";
import { ATTR_LIMITS } from "../../chat/apis/group-attr.js";
import { COUNTER_LIMITS } from "../../chat/apis/group-counter.js";

const bytes = (s: string) => Buffer.byteLength(s);

export const AttributesParam = z
  .record(
    z.string().min(1),
    z.string().refine((v) => bytes(v) <= ATTR_LIMITS.valueBytes, `a value is at most ${ATTR_LIMITS.valueBytes} bytes`),
  )
  .refine((a) => Object.keys(a).length > 0, "give at least one attribute")
  // Checked on the record, not the key: zod reports a refused record key as "Invalid key" without the reason.
  .refine(
    (a) => Object.keys(a).every((k) => bytes(k) <= ATTR_LIMITS.keyBytes),
    `a key is at most ${ATTR_LIMITS.keyBytes} bytes`,
  )
  .describe(`Key ≤ ${ATTR_LIMITS.keyBytes} B, value ≤ 4 KB; at most ${ATTR_LIMITS.keys} keys, 16 KB in all.`);

/** Whether a group's whole attribute set fits Tencent's limits; the reason when it does not. */
export function attributeSetProblem(attrs: Record<string, string>): string | undefined {
  const keys = Object.keys(attrs).length;
  if (keys > ATTR_LIMITS.keys) return `the group would have ${keys} attributes; at most ${ATTR_LIMITS.keys}`;
  const total = Object.entries(attrs).reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0);
  if (total > ATTR_LIMITS.totalBytes)
    return `the attributes would take ${total} bytes; at most ${ATTR_LIMITS.totalBytes} in all`;
  return undefined;
}

export const COUNTER_KEY_RULE = (k: string) => bytes(k) <= COUNTER_LIMITS.keyBytes;
export const CounterKeyParam = z
  .string()
  .min(1)
  .refine((k) => bytes(k) <= COUNTER_LIMITS.keyBytes, `a counter key is at most ${COUNTER_LIMITS.keyBytes} bytes`);

export const CounterKeysParam = z
  .array(CounterKeyParam)
  .min(1)
  .max(COUNTER_LIMITS.keys)
  .refine((k) => new Set(k).size === k.length, "each key may appear only once");
