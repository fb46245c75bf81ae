// million_group_open_http_svc/get_online_member_num: a Community's online count, refreshed every 4 minutes
// (https://trtc.io/document/66883).
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";

export const OnlineMemberNum = z.looseObject({ OnlineMemberNum: z.number().int().nonnegative() });

export const getOnlineMemberNum = defineApi({
  name: "get_online_member_num",
  service: "million_group_open_http_svc",
  command: "get_online_member_num",
  doc: "https://trtc.io/document/66883",
  // Community only (older zh pages say every type: docs/drift.md).
  groupTypes: ["Community"],
  request: z.object({ GroupId }),
  response: OnlineMemberNum,
  unsupported: {
    meaning: "The online member count is available only for Community groups.",
    nextStep:
      "For an AVChatRoom count members with summarize_online_members; other types have no online count API here.",
  },
});
