// Group counters under group_open_http_svc: get_group_counter (https://www.tencentcloud.com/document/product/1047/53427),
// update_group_counter (/53428: Mode Set, Increase or Decrease; a missing key starts at 0) and
// delete_group_counter. At most 20 keys a group, a key 128 bytes, values signed 64-bit integers. The REST
// pages serve every type but Community; the SDK guide says "all but topic-enabled Communities" (docs/drift.md).
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";

export const COUNTER_LIMITS = { keys: 20, keyBytes: 128 } as const;
export const COUNTER_MODES = ["Set", "Increase", "Decrease"] as const;

const Key = z
  .string()
  .min(1)
  .refine((k) => Buffer.byteLength(k) <= COUNTER_LIMITS.keyBytes, `is at most ${COUNTER_LIMITS.keyBytes} bytes`);
/** Values beyond 2^53 cannot be sent exactly from JSON numbers: the safe integers are the range we send. */
const Value = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const Counters = z
  .array(z.looseObject({ Key: z.string(), Value: z.number().catch(0) }))
  .catch([])
  .default([]);

const types = ["Private", "Public", "ChatRoom", "AVChatRoom"] as const;
const unsupported = {
  meaning: "Communities have no group counters on the REST pages (the SDK guide: none in topic-enabled Communities).",
  nextStep: "Keep the number in group attributes (set_group_attributes) instead.",
};

export const getGroupCounter = defineApi({
  name: "get_group_counter",
  service: "group_open_http_svc",
  command: "get_group_counter",
  doc: "https://www.tencentcloud.com/document/product/1047/53427",
  groupTypes: types,
  request: z.object({ GroupId, GroupCounterKeys: z.array(Key).min(1).max(COUNTER_LIMITS.keys).optional() }),
  response: z.looseObject({ GroupCounter: Counters }),
  unsupported,
});

export const updateGroupCounter = defineApi({
  name: "update_group_counter",
  service: "group_open_http_svc",
  command: "update_group_counter",
  doc: "https://www.tencentcloud.com/document/product/1047/53428",
  groupTypes: types,
  writes: true,
  request: z.object({
    GroupId,
    GroupCounter: z.array(z.object({ Key, Value })).min(1).max(COUNTER_LIMITS.keys),
    Mode: z.enum(COUNTER_MODES),
  }),
  response: z.looseObject({ GroupCounter: Counters }),
  unsupported,
});

export const deleteGroupCounter = defineApi({
  name: "delete_group_counter",
  service: "group_open_http_svc",
  command: "delete_group_counter",
  doc: "https://www.tencentcloud.com/document/product/1047/53429",
  groupTypes: types,
  writes: true,
  request: z.object({ GroupId, GroupCounterKeys: z.array(Key).min(1).max(COUNTER_LIMITS.keys) }),
  response: z.looseObject({ GroupCounter: Counters }),
  unsupported,
});
