// Text written by group members (name cards, nicknames, custom data, group names and notices) is
// untrusted: strip control and bidirectional-override characters, repair broken UTF-16, cap length.
// It is only ever placed in structured fields, never in a tool's own instructions.

// C0/C1 controls (tabs and newlines collapse to spaces below), bidi embeddings/overrides/isolates,
// directional marks, zero-width characters, BOM, and Unicode line/paragraph separators.
// (Biome's noControlCharactersInRegex is off for this file in biome.json: matching them is the point.)
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const DEFAULT_TEXT_CAP = 200;

export function sanitizeText(value: unknown, maxLength = DEFAULT_TEXT_CAP): string {
  if (value === undefined || value === null) return "";
  let s = String(value).replace(LONE_SURROGATE, "\ufffd").replace(UNSAFE, "").replace(/\s+/g, " ").trim();
  if (s.length > maxLength) {
    const cut = s.slice(0, maxLength - 1);
    // Do not split a surrogate pair at the cut.
    s = `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
  }
  return s;
}

/** Tencent's [{Key, Value}] custom data as one {key: value} object (what an agent reads), sanitised. */
export function sanitizeKeyValues(
  list: readonly { Key: string; Value: string }[] | undefined,
  maxLength = DEFAULT_TEXT_CAP,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list ?? []) out[sanitizeText(kv.Key, 64)] = sanitizeText(kv.Value, maxLength);
  return out;
}
