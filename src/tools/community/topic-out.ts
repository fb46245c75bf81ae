// A topic as the community tools return it, and its one text line (member-written texts quoted as data).
import { z } from "zod";
import type { Topic } from "../../chat/groups.js";
import { sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds } from "../../core/time.js";

export const TopicOut = z.object({
  topic_id: z.string(),
  name: z.string(),
  introduction: z.string(),
  notification: z.string(),
  face_url: z.string(),
  mute_all: z.boolean(),
  custom: z.string(),
  last_msg_time: z.string().optional(),
});
export type TopicOutput = z.infer<typeof TopicOut>;

export function topicToOutput(t: Topic): TopicOutput {
  const last = t.lastMsgTime ? isoFromSeconds(t.lastMsgTime) : undefined;
  return {
    topic_id: t.topicId,
    name: sanitizeText(t.name, 60),
    introduction: sanitizeText(t.introduction, 400),
    notification: sanitizeText(t.notification, 400),
    face_url: sanitizeText(t.faceUrl, 200),
    mute_all: t.muteAll,
    custom: sanitizeText(t.custom, 400),
    ...(last ? { last_msg_time: last } : {}),
  };
}

export function topicLine(t: TopicOutput): string {
  return [
    `${t.topic_id}: ${JSON.stringify(t.name)}`,
    t.mute_all ? "muted for all but admins" : "",
    t.introduction ? `introduction ${JSON.stringify(t.introduction)}` : "",
    t.notification ? `notification ${JSON.stringify(t.notification)}` : "",
    t.custom ? `custom ${JSON.stringify(t.custom)}` : "",
    t.last_msg_time ? `last message ${t.last_msg_time}` : "no messages",
  ]
    .filter(Boolean)
    .join("; ");
}
