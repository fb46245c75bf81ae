// The texts of a topic, with the byte limits checked before anything is sent.
import { TOPIC_TEXT_MAX_BYTES } from "../../chat/apis/topics.js";
import { bytesTextParam } from "../shared/params.js";

export const TopicTextParams = {
  name: bytesTextParam(TOPIC_TEXT_MAX_BYTES.TopicName).refine((s) => s.length > 0, "a name cannot be empty"),
  introduction: bytesTextParam(TOPIC_TEXT_MAX_BYTES.Introduction),
  notification: bytesTextParam(TOPIC_TEXT_MAX_BYTES.Notification),
  face_url: bytesTextParam(TOPIC_TEXT_MAX_BYTES.FaceUrl),
  custom: bytesTextParam(TOPIC_TEXT_MAX_BYTES.CustomString),
};
