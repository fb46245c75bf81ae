// group_open_http_svc/modify_group_base_info: a group's name, introduction, notification, face URL, member
// cap, join option, custom fields and mute-all (https://trtc.io/document/34962). Byte limits from the group
// profile field table (https://cloud.tencent.com/document/product/269/1615): name 30, introduction 240,
// notification 300, face URL 100.
import { z } from "zod";
import { defineApi, GroupId, intRange } from "./define.js";

export const GROUP_TEXT_MAX_BYTES = { Name: 30, Introduction: 240, Notification: 300, FaceUrl: 100 } as const;
export const JOIN_OPTIONS = ["FreeAccess", "NeedPermission", "DisableApply"] as const;
/** The member cap of Work, Public and Meeting groups on the highest plan; Communities allow 100,000. */
export const MAX_MEMBERS_CAP = 100_000;

export function withinBytes(max: number) {
  return z.string().refine((s) => Buffer.byteLength(s) <= max, `is at most ${max} bytes (UTF-8)`);
}

export const KeyValues = z.array(z.object({ Key: z.string().min(1), Value: z.string() }));

export const modifyGroupBaseInfo = defineApi({
  name: "modify_group_base_info",
  service: "group_open_http_svc",
  command: "modify_group_base_info",
  doc: "https://trtc.io/document/34962",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z
    .object({
      GroupId,
      Name: withinBytes(GROUP_TEXT_MAX_BYTES.Name)
        .refine((s) => s.length > 0, "cannot be empty")
        .optional(),
      Introduction: withinBytes(GROUP_TEXT_MAX_BYTES.Introduction).optional(),
      Notification: withinBytes(GROUP_TEXT_MAX_BYTES.Notification).optional(),
      FaceUrl: withinBytes(GROUP_TEXT_MAX_BYTES.FaceUrl).optional(),
      MaxMemberNum: intRange(1, MAX_MEMBERS_CAP).optional(),
      ApplyJoinOption: z.enum(JOIN_OPTIONS).optional(),
      AppDefinedData: KeyValues.optional(),
      MuteAllMember: z.enum(["On", "Off"]).optional(),
    })
    .refine((r) => Object.keys(r).length > 1, { error: "names nothing to change", path: ["GroupId"] }),
  response: z.looseObject({}),
  unsupported: {
    meaning: "The admin may not change this group's profile.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
