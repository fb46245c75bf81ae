// Community topics under million_group_open_http_svc: get_topic (https://trtc.io/document/49469), create_topic
// (/49471), modify_topic (https://www.tencentcloud.com/document/product/1047/49468) and destroy_topic (/49470). Only Communities
// with topics switched on. A topic's ID is its Community's ID + "@TOPIC#_" + a name
// (e.g. @TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic). Field limits as the pages and the doocs Java server SDK
// state them: name 30 bytes, introduction 240, notification 300, face URL 100, custom string 3,000.
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";
import { withinBytes } from "./modify-group-base-info.js";

export const TOPIC_TEXT_MAX_BYTES = {
  TopicName: 30,
  Introduction: 240,
  Notification: 300,
  FaceUrl: 100,
  CustomString: 3000,
} as const;
/** No page states how many topics one destroy_topic takes: 10 a request is the safe reading. */
export const DESTROY_TOPICS_PER_CALL = 10;

export const TopicId = z.string().min(1).max(200);

/** The topic ID rule: the Community's ID, "@TOPIC#_", then at least one character. */
export function topicIdProblem(groupId: string, topicId: string): string | undefined {
  const prefix = `${groupId}@TOPIC#_`;
  if (!topicId.startsWith(prefix) || topicId.length === prefix.length)
    return `a topic ID of ${groupId} starts with "${prefix}" and goes on with its own name`;
  return /^[\x20-\x7e]+$/.test(topicId) ? undefined : "a topic ID is printable ASCII";
}

const unsupported = {
  meaning: "Topics exist only in Communities with topics switched on.",
  nextStep:
    "Use the group without topic_id, or switch topics on for the Community (console: Group feature configuration > Community).",
};

const TopicInfo = z.looseObject({
  TopicId: z.string(),
  TopicName: z.string().catch("").default(""),
  Introduction: z.string().catch("").default(""),
  Notification: z.string().catch("").default(""),
  FaceUrl: z.string().catch("").default(""),
  CustomString: z.string().catch("").default(""),
  CreateTime: z.number().optional().catch(undefined),
  LastMsgTime: z.number().optional().catch(undefined),
  NextMsgSeq: z.number().optional().catch(undefined),
  // The request writes MuteAllMember "On"/"Off"; the SDK reads ShutUpAllFlag (docs/drift.md): either.
  MuteAllMember: z.string().optional().catch(undefined),
  ShutUpAllFlag: z.union([z.number(), z.string(), z.boolean()]).optional().catch(undefined),
});
export type TopicInfo = z.output<typeof TopicInfo>;

const TopicItem = z.looseObject({
  TopicInfo: TopicInfo.optional().catch(undefined),
  ErrorCode: z.number().optional().catch(undefined),
  ErrorInfo: z.string().optional().catch(undefined),
});

export const getTopic = defineApi({
  name: "get_topic",
  service: "million_group_open_http_svc",
  command: "get_topic",
  doc: "https://trtc.io/document/49469",
  groupTypes: ["Community"],
  request: z.object({ GroupId, TopicIdList: z.array(TopicId).min(1).optional() }),
  // One odd item never loses the others.
  response: z.looseObject({
    TopicAndSelfInfo: z
      .array(z.unknown())
      .catch([])
      .default([])
      .transform((items) =>
        items.flatMap((item) => {
          const t = TopicItem.safeParse(item);
          return t.success ? [t.data] : [];
        }),
      ),
  }),
  unsupported,
});

const topicText = {
  TopicName: withinBytes(TOPIC_TEXT_MAX_BYTES.TopicName),
  Introduction: withinBytes(TOPIC_TEXT_MAX_BYTES.Introduction),
  Notification: withinBytes(TOPIC_TEXT_MAX_BYTES.Notification),
  FaceUrl: withinBytes(TOPIC_TEXT_MAX_BYTES.FaceUrl),
  CustomString: withinBytes(TOPIC_TEXT_MAX_BYTES.CustomString),
};

export const createTopic = defineApi({
  name: "create_topic",
  service: "million_group_open_http_svc",
  command: "create_topic",
  doc: "https://trtc.io/document/49471",
  groupTypes: ["Community"],
  writes: true,
  request: z.object({
    GroupId,
    TopicId: TopicId.optional(),
    TopicName: topicText.TopicName.refine((s) => s.length > 0, "cannot be empty"),
    Introduction: topicText.Introduction.optional(),
    Notification: topicText.Notification.optional(),
    FaceUrl: topicText.FaceUrl.optional(),
    CustomString: topicText.CustomString.optional(),
  }),
  response: z.looseObject({ TopicId: z.string() }),
  unsupported,
});

export const modifyTopic = defineApi({
  name: "modify_topic",
  service: "million_group_open_http_svc",
  command: "modify_topic",
  doc: "https://www.tencentcloud.com/document/product/1047/49468",
  groupTypes: ["Community"],
  writes: true,
  request: z
    .object({
      GroupId,
      TopicId,
      TopicName: topicText.TopicName.refine((s) => s.length > 0, "cannot be empty").optional(),
      Introduction: topicText.Introduction.optional(),
      Notification: topicText.Notification.optional(),
      FaceUrl: topicText.FaceUrl.optional(),
      CustomString: topicText.CustomString.optional(),
      MuteAllMember: z.enum(["On", "Off"]).optional(),
    })
    .refine((r) => Object.keys(r).length > 2, { error: "names nothing to change", path: ["TopicId"] }),
  response: z.looseObject({}),
  unsupported,
});

export const destroyTopic = defineApi({
  name: "destroy_topic",
  service: "million_group_open_http_svc",
  command: "destroy_topic",
  doc: "https://trtc.io/document/49470",
  groupTypes: ["Community"],
  writes: true,
  request: z.object({ GroupId, TopicIdList: z.array(TopicId).min(1).max(DESTROY_TOPICS_PER_CALL) }),
  response: z.looseObject({
    DestroyResultItem: z
      .array(z.looseObject({ TopicId: z.string(), ErrorCode: z.number().catch(0), ErrorInfo: z.string().optional() }))
      .catch([])
      .default([]),
  }),
  unsupported,
});
