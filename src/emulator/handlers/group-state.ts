// Live state kept on a group: attributes (get_group_attr https://trtc.io/document/44187, modify /44188,
// clear /44189, set /44190) and counters (get_group_counter https://www.tencentcloud.com/document/product/1047/53427,
// update /53428, delete /53429), with their documented limits. Which service serves the attribute writes,
// which types have attributes and which have counters are doc variants (settings; docs/drift.md).
import { CODES, EmuFailure, ok } from "../envelope.js";
import type { EmuGroup } from "../model.js";
import { RULES } from "../rules.js";
import { type Handler, type HandlerContext, optionalStringArray, requireGroup } from "./context.js";

function attrGroup(ctx: HandlerContext): EmuGroup {
  const g = requireGroup(ctx);
  if (ctx.settings.attrTypes === "live-only" && g.Type !== "AVChatRoom")
    throw new EmuFailure(CODES.noPermission, "group attributes are for live groups (AVChatRoom) only");
  return g;
}

/** Attribute writes per group in the current second: past 5, 10049 (the SDK notes' backend limit). */
const attrWrites = new WeakMap<EmuGroup, { second: number; count: number }>();
function countAttrWrite(ctx: HandlerContext, g: EmuGroup): void {
  const w = attrWrites.get(g);
  const next = w && w.second === ctx.now ? { second: ctx.now, count: w.count + 1 } : { second: ctx.now, count: 1 };
  attrWrites.set(g, next);
  if (next.count > RULES.attrWritesPerSecond)
    throw new EmuFailure(CODES.attrRateLimited, "group attributes written too often; at most 5 writes a second");
}

function attrList(ctx: HandlerContext): [string, string][] {
  const list = ctx.body.GroupAttr;
  if (!Array.isArray(list)) throw new EmuFailure(CODES.invalidParam, "GroupAttr must be a list of {key, value}");
  return list.map((a) => {
    const { key, value } = (a ?? {}) as { key?: unknown; value?: unknown };
    if (typeof key !== "string" || key === "" || typeof value !== "string")
      throw new EmuFailure(CODES.invalidParam, "each GroupAttr item is {key, value} strings");
    if (Buffer.byteLength(key) > RULES.attrKeyMaxBytes)
      throw new EmuFailure(CODES.invalidParam, `an attribute key is at most ${RULES.attrKeyMaxBytes} bytes`);
    if (Buffer.byteLength(value) > RULES.attrValueMaxBytes)
      throw new EmuFailure(CODES.invalidParam, `an attribute value is at most ${RULES.attrValueMaxBytes} bytes`);
    return [key, value] as [string, string];
  });
}

function checkTotals(attrs: Map<string, string>): void {
  if (attrs.size > RULES.attrMaxKeys)
    throw new EmuFailure(CODES.invalidParam, `a group has at most ${RULES.attrMaxKeys} attributes`);
  let bytes = 0;
  for (const [k, v] of attrs) bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
  if (bytes > RULES.attrTotalMaxBytes)
    throw new EmuFailure(
      CODES.invalidParam,
      `a group's attributes are at most ${RULES.attrTotalMaxBytes} bytes in all`,
    );
}

export const getGroupAttr: Handler = (ctx) => {
  const g = attrGroup(ctx);
  return ok({ GroupAttrAry: [...g.attrs].map(([key, value]) => ({ key, value })) });
};

export const modifyGroupAttr: Handler = (ctx) => {
  const g = attrGroup(ctx);
  countAttrWrite(ctx, g);
  const next = new Map(g.attrs);
  for (const [k, v] of attrList(ctx)) next.set(k, v);
  checkTotals(next);
  g.attrs = next;
  return ok({});
};

export const setGroupAttr: Handler = (ctx) => {
  const g = attrGroup(ctx);
  countAttrWrite(ctx, g);
  const next = new Map(attrList(ctx));
  checkTotals(next);
  g.attrs = next;
  return ok({});
};

export const clearGroupAttr: Handler = (ctx) => {
  const g = attrGroup(ctx);
  countAttrWrite(ctx, g);
  g.attrs = new Map();
  return ok({});
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function counterGroup(ctx: HandlerContext): EmuGroup {
  const g = requireGroup(ctx);
  // Doc variant: the REST pages serve no Community; the SDK guide only no topic-enabled Community.
  if (g.Type === "Community" && (ctx.settings.counterTypes === "no-community" || g.supportTopic))
    throw new EmuFailure(CODES.noPermission, "group counters are not available for this Community");
  return g;
}

function counterList(g: EmuGroup, keys?: readonly string[]) {
  const entries = keys
    ? keys.filter((k) => g.counters.has(k)).map((k) => [k, g.counters.get(k)!] as const)
    : [...g.counters];
  return entries.map(([Key, v]) => ({ Key, Value: Number(v) }));
}

export const getGroupCounter: Handler = (ctx) => {
  const g = counterGroup(ctx);
  return ok({ GroupCounter: counterList(g, optionalStringArray(ctx.body, "GroupCounterKeys")) });
};

export const updateGroupCounter: Handler = (ctx) => {
  const g = counterGroup(ctx);
  const mode = ctx.body.Mode;
  if (mode !== "Set" && mode !== "Increase" && mode !== "Decrease")
    throw new EmuFailure(CODES.invalidParam, "Mode is Set, Increase or Decrease");
  const list = ctx.body.GroupCounter;
  if (!Array.isArray(list) || list.length === 0)
    throw new EmuFailure(CODES.invalidParam, "GroupCounter must be a non-empty list of {Key, Value}");
  const next = new Map(g.counters);
  for (const item of list) {
    const { Key, Value } = (item ?? {}) as { Key?: unknown; Value?: unknown };
    if (typeof Key !== "string" || Key === "" || Buffer.byteLength(Key) > RULES.counterKeyMaxBytes)
      throw new EmuFailure(CODES.invalidParam, `a counter key is 1-${RULES.counterKeyMaxBytes} bytes`);
    if (typeof Value !== "number" || !Number.isInteger(Value))
      throw new EmuFailure(CODES.invalidParam, "a counter value is an integer");
    // Increase/Decrease on a missing key starts it at 0.
    const old = next.get(Key) ?? 0n;
    const v = mode === "Set" ? BigInt(Value) : mode === "Increase" ? old + BigInt(Value) : old - BigInt(Value);
    if (v < INT64_MIN || v > INT64_MAX)
      throw new EmuFailure(CODES.invalidParam, "a counter is a signed 64-bit integer");
    next.set(Key, v);
  }
  if (next.size > RULES.counterMaxKeys)
    throw new EmuFailure(CODES.invalidParam, `a group has at most ${RULES.counterMaxKeys} counters`);
  g.counters = next;
  return ok({
    GroupCounter: counterList(
      g,
      list.map((i) => String((i as { Key: string }).Key)),
    ),
  });
};

export const deleteGroupCounter: Handler = (ctx) => {
  const g = counterGroup(ctx);
  const keys = optionalStringArray(ctx.body, "GroupCounterKeys");
  // "Not given: delete them all" (the doocs SDK's reading of the page).
  if (!keys) g.counters = new Map();
  else for (const k of keys) g.counters.delete(k);
  return ok({ GroupCounter: counterList(g) });
};
