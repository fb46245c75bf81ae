// JSON.parse that keeps integers beyond 2^53 exact by reading them as digit strings. get_appid_group_list's
// Next is a uint64 number (https://trtc.io/document/34960 warns that 32-bit parsing overflows), and Node 20's
// JSON.parse has no source-text access. Only integer literals outside strings with more than 15 digits are
// touched; everything else is JSON.parse's own work.
export function parseJsonBigIntegersAsStrings(text: string): unknown {
  let out = "";
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    const startsNumber = (c >= 0x30 && c <= 0x39) || c === 0x2d;
    if (!startsNumber) continue;
    let j = i + (c === 0x2d ? 1 : 0);
    while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    const next = text[j];
    const integer = next !== "." && next !== "e" && next !== "E";
    const digits = j - i - (c === 0x2d ? 1 : 0);
    if (integer && digits > 15 && !Number.isSafeInteger(Number(text.slice(i, j)))) {
      out += `${text.slice(last, i)}"${text.slice(i, j)}"`;
      last = j;
    }
    i = j - 1;
  }
  return JSON.parse(last === 0 ? text : out + text.slice(last));
}
