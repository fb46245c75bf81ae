// The texts of a topic, with the byte limits checked before anything is sent.
import { z } from "zod";
import { TOPIC_TEXT_MAX_BYTES } from "../../chat/apis/topics.js";

const text = (max: number) =>
  z
    .string()
    .refine((s) => Buffer.byteLength(s) <= max, `at most ${max} bytes (UTF-8)`)
    .describe(`At most ${max} bytes.`);

export const TopicTextParams = {
  name: text(TOPIC_TEXT_MAX_BYTES.TopicName).refine((s) => s.length > 0, "a name cannot be empty"),
  introduction: text(TOPIC_TEXT_MAX_BYTES.Introduction),
  notification: text(TOPIC_TEXT_MAX_BYTES.Notification),
  face_url: text(TOPIC_TEXT_MAX_BYTES.FaceUrl),
  custom: text(TOPIC_TEXT_MAX_BYTES.CustomString),
};
