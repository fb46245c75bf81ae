// Community topics: get_topic (https://trtc.io/document/49469), create_topic (/49471), modify_topic
// (https://www.tencentcloud.com/document/product/1047/49468), destroy_topic (/49470). A topic keeps its own
// history, mutes and mute-all; the message APIs reach it through TopicId (requireChannel).
import { CODES, EmuFailure, ok } from "../envelope.js";
import { type EmuTopic, newTopic } from "../model.js";
import { RULES } from "../rules.js";
import { type Handler, nameAndTexts, optionalStringArray, optionalText, requireTopicGroup } from "./context.js";

function topicFields(body: Record<string, unknown>): Partial<EmuTopic> {
  const { name, ...texts } = nameAndTexts(body, "TopicName", RULES.topicNameMaxBytes);
  const out: Partial<EmuTopic> = { ...texts, ...(name !== undefined ? { TopicName: name } : {}) };
  const custom = optionalText(body, "CustomString", RULES.topicCustomMaxBytes);
  if (custom !== undefined) out.CustomString = custom;
  return out;
}

function topicInfo(t: EmuTopic) {
  return {
    TopicId: t.TopicId,
    TopicName: t.TopicName,
    Introduction: t.Introduction,
    Notification: t.Notification,
    FaceUrl: t.FaceUrl,
    CustomString: t.CustomString,
    CreateTime: t.CreateTime,
    LastMsgTime: t.LastMsgTime,
    NextMsgSeq: t.NextMsgSeq,
    MuteAllMember: t.MuteAllMember,
  };
}

export const getTopic: Handler = (ctx) => {
  const g = requireTopicGroup(ctx);
  const ids = optionalStringArray(ctx.body, "TopicIdList");
  const items = ids
    ? ids.map((id) => {
        const t = g.topics.get(id);
        return t
          ? { TopicInfo: topicInfo(t), ErrorCode: 0, ErrorInfo: "" }
          : { TopicInfo: { TopicId: id }, ErrorCode: CODES.groupNotFound, ErrorInfo: "the topic does not exist" };
      })
    : [...g.topics.values()].map((t) => ({ TopicInfo: topicInfo(t), ErrorCode: 0, ErrorInfo: "" }));
  return ok({ TopicAndSelfInfo: items });
};

let assigned = 0;
export const createTopic: Handler = (ctx) => {
  const g = requireTopicGroup(ctx);
  if (ctx.body.TopicName === undefined) throw new EmuFailure(CODES.invalidParam, "TopicName is required");
  const fields = topicFields(ctx.body);
  const custom = ctx.body.TopicId;
  let id: string;
  if (custom !== undefined) {
    const prefix = `${g.GroupId}@TOPIC#_`;
    if (typeof custom !== "string" || !custom.startsWith(prefix) || custom.length === prefix.length)
      throw new EmuFailure(CODES.invalidParam, `a custom TopicId starts with ${prefix}`);
    if (g.topics.has(custom)) throw new EmuFailure(CODES.groupIdTaken, "the topic ID is used already");
    id = custom;
  } else
    do id = `${g.GroupId}@TOPIC#_@TGS#EMU${(++assigned).toString(36).toUpperCase()}`;
    while (g.topics.has(id));
  g.topics.set(id, newTopic({ ...fields, TopicId: id, TopicName: fields.TopicName ?? "" }, ctx.now));
  return ok({ TopicId: id });
};

export const modifyTopic: Handler = (ctx) => {
  const g = requireTopicGroup(ctx);
  const id = ctx.body.TopicId;
  const t = typeof id === "string" ? g.topics.get(id) : undefined;
  if (!t) throw new EmuFailure(CODES.groupNotFound, "the topic does not exist or has been deleted");
  const fields = topicFields(ctx.body);
  const muteAll = ctx.body.MuteAllMember;
  if (muteAll !== undefined) {
    if (muteAll !== "On" && muteAll !== "Off")
      throw new EmuFailure(CODES.invalidParam, 'MuteAllMember is "On" or "Off"');
    fields.MuteAllMember = muteAll;
  }
  if (Object.keys(fields).length === 0) throw new EmuFailure(CODES.invalidParam, "nothing to modify");
  Object.assign(t, fields);
  return ok({});
};

export const destroyTopic: Handler = (ctx) => {
  const g = requireTopicGroup(ctx);
  const ids = optionalStringArray(ctx.body, "TopicIdList");
  if (!ids?.length) throw new EmuFailure(CODES.invalidParam, "TopicIdList is required");
  return ok({
    DestroyResultItem: ids.map((id) =>
      g.topics.delete(id)
        ? { TopicId: id, ErrorCode: 0, ErrorInfo: "" }
        : { TopicId: id, ErrorCode: CODES.groupNotFound, ErrorInfo: "the topic does not exist" },
    ),
  });
};
