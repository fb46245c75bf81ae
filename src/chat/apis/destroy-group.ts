// group_open_http_svc/destroy_group: dismisses a group; every API then answers 10010 for it
// (https://www.tencentcloud.com/document/product/1047/34896). Every type.
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";

export const destroyGroup = defineApi({
  name: "destroy_group",
  service: "group_open_http_svc",
  command: "destroy_group",
  doc: "https://www.tencentcloud.com/document/product/1047/34896",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z.object({ GroupId }),
  response: z.looseObject({}),
  unsupported: {
    meaning: "The admin may not dismiss this group.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
