// group_open_http_svc/create_group (https://trtc.io/document/34895): type, name, optional owner, custom ID
// and initial members. A live group (AVChatRoom) takes no initial members (10007). At most 100 initial
// members on the REST page's copies; the web SDK's CreateGroupParams says 500 (docs/drift.md): 100 is sent.
import { z } from "zod";
import { GROUP_TYPES } from "../group-types.js";
import { allowed, defineApi, intRange, UserId } from "./define.js";
import {
  GROUP_TEXT_MAX_BYTES,
  JOIN_OPTIONS,
  KeyValues,
  MAX_MEMBERS_CAP,
  withinBytes,
} from "./modify-group-base-info.js";

export const CREATE_MEMBERS_MAX = 100;

/**
 * A custom group ID: printable ASCII under 48 bytes, never "@TGS#" (system IDs), except that a Community's
 * ID must start "@TGS#_" (https://www.tencentcloud.com/document/product/1047/33529).
 */
export function customGroupIdProblem(id: string, type: string): string | undefined {
  if (!/^[\x20-\x7e]+$/.test(id) || Buffer.byteLength(id) >= 48) return "is 1-47 printable ASCII characters";
  if (type === "Community") return id.startsWith("@TGS#_") ? undefined : 'of a Community starts with "@TGS#_"';
  return id.startsWith("@TGS#") ? 'may not start with "@TGS#" (system IDs)' : undefined;
}

export const createGroup = defineApi({
  name: "create_group",
  service: "group_open_http_svc",
  command: "create_group",
  doc: "https://trtc.io/document/34895",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z
    .object({
      Type: z.enum(GROUP_TYPES),
      Name: withinBytes(GROUP_TEXT_MAX_BYTES.Name).refine((s) => s.length > 0, "cannot be empty"),
      Owner_Account: UserId.optional(),
      GroupId: z.string().optional(),
      Introduction: withinBytes(GROUP_TEXT_MAX_BYTES.Introduction).optional(),
      Notification: withinBytes(GROUP_TEXT_MAX_BYTES.Notification).optional(),
      FaceUrl: withinBytes(GROUP_TEXT_MAX_BYTES.FaceUrl).optional(),
      MaxMemberCount: intRange(1, MAX_MEMBERS_CAP).optional(),
      ApplyJoinOption: z.enum(JOIN_OPTIONS).optional(),
      AppDefinedData: KeyValues.optional(),
      MemberList: z
        .array(z.object({ Member_Account: UserId }))
        .max(CREATE_MEMBERS_MAX)
        .optional(),
    })
    .superRefine((r, ctx) => {
      const problem = r.GroupId === undefined ? undefined : customGroupIdProblem(r.GroupId, r.Type);
      if (problem)
        ctx.addIssue({
          code: "custom",
          path: ["GroupId"],
          ...allowed(
            `is not a usable custom ID: it ${problem}`,
            "1-47 printable ASCII characters; not @TGS# (Community: @TGS#_...)",
          ),
        });
      if (r.Type === "AVChatRoom" && r.MemberList?.length)
        ctx.addIssue({
          code: "custom",
          path: ["MemberList"],
          message: "cannot be given for a live group (AVChatRoom): users join it themselves",
        });
    }),
  response: z.looseObject({ GroupId: z.string() }),
  unsupported: {
    meaning: "The admin may not create this group (a live group takes no initial members).",
    nextStep: "Leave members out for an AVChatRoom; otherwise check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
