// group_open_http_svc/modify_group_base_info, used here only for MuteAllMember ("On" mutes everyone but the
// owner and admins) (https://trtc.io/document/34962).
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";

export const modifyGroupBaseInfo = defineApi({
  name: "modify_group_base_info",
  service: "group_open_http_svc",
  command: "modify_group_base_info",
  doc: "https://trtc.io/document/34962",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z.object({ GroupId, MuteAllMember: z.enum(["On", "Off"]) }),
  response: z.looseObject({}),
  unsupported: {
    meaning: "The admin may not change this group's profile.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
