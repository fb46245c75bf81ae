// Messages in the shape tools return: untrusted text sanitised and capped like name cards, non-text elements
// named by kind, and one text line each where the message text is quoted as data.
import { z } from "zod";
import type { GroupMessage } from "../../chat/apis/group-msg-get-simple.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds } from "../../core/time.js";
import { quoteId } from "./quote.js";

const KINDS: Record<string, string> = {
  TIMTextElem: "text",
  TIMImageElem: "image",
  TIMCustomElem: "custom",
  TIMFaceElem: "face",
  TIMSoundElem: "sound",
  TIMFileElem: "file",
  TIMVideoFileElem: "video",
  TIMLocationElem: "location",
};

export const MessageOut = z.object({
  seq: z.number(),
  from: z.string(),
  time: z.string().optional(),
  type: z.string(),
  text: z.string(),
  recalled: z.boolean(),
});
export type MessageOutput = z.infer<typeof MessageOut>;

export function messageToOutput(m: GroupMessage): MessageOutput {
  const kinds = m.MsgBody.map((e) => KINDS[e.MsgType] ?? "other");
  const text = m.MsgBody.map((e) => {
    const c = (e.MsgContent ?? {}) as Record<string, unknown>;
    if (e.MsgType === "TIMTextElem") return String(c.Text ?? "");
    if (e.MsgType === "TIMCustomElem") return `[custom: ${String(c.Desc ?? c.Data ?? "")}]`;
    return `[${KINDS[e.MsgType] ?? "other"}]`;
  }).join(" ");
  const time = isoFromSeconds(m.MsgTimeStamp);
  return {
    seq: m.MsgSeq,
    from: sanitizeText(m.From_Account, 64),
    ...(time ? { time } : {}),
    type: [...new Set(kinds)].join("+") || "none",
    text: sanitizeText(text, 300),
    // A placeholder: the content is gone (recalled, deleted or expired).
    recalled: m.IsPlaceMsg === 1,
  };
}

/** One line per message; its text is quoted (JSON) so it reads as data, never as instructions. */
export function messageLine(m: MessageOutput): string {
  return `#${m.seq} ${m.time?.slice(0, 16).replace("T", " ") ?? "?"} ${quoteId(m.from)}: ${m.recalled ? "(recalled or deleted)" : JSON.stringify(m.text)}`;
}
