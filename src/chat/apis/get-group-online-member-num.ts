// group_open_http_svc/get_online_member_num: a live group's online count, 10 s granularity
// (https://trtc.io/document/38521).
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";
import { OnlineMemberNum } from "./get-online-member-num.js";

export const getGroupOnlineMemberNum = defineApi({
  name: "get_group_online_member_num",
  service: "group_open_http_svc",
  command: "get_online_member_num",
  doc: "https://trtc.io/document/38521",
  // Other types need the top plan and a console switch, and how they answer without it is not documented:
  // the safe reading calls it for AVChatRoom only.
  groupTypes: ["AVChatRoom"],
  request: z.object({ GroupId }),
  response: OnlineMemberNum,
  unsupported: {
    meaning:
      "This online count is for AVChatRoom (live) groups; other types need the top plan and the console's online-status switch.",
    nextStep: "For a Community use get_online_member_num; for other types use summarize_group_members.",
  },
});
