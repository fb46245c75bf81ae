// group_open_http_svc/forbid_send_msg: mute (MuteTime seconds) or unmute (0) up to 500 accounts
// (https://cloud.tencent.com/document/product/269/1627). Not for Work (Private) groups.
import { z } from "zod";
import { defineApi, GroupId, intRange, userIds } from "./define.js";
import { TopicId } from "./topics.js";

export const MUTE_PER_CALL = 500;
/** "Muted forever" (the page's 4294967295). */
export const MUTE_FOREVER = 4_294_967_295;

export const forbidSendMsg = defineApi({
  name: "forbid_send_msg",
  service: "group_open_http_svc",
  command: "forbid_send_msg",
  doc: "https://cloud.tencent.com/document/product/269/1627",
  groupTypes: ["Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  // The current pages name the duration MuteTime; older copies and SDKs ShutUpTime (docs/drift.md). The
  // request carries one of the two (groups.ts tries MuteTime first).
  request: z
    .object({
      GroupId,
      Members_Account: userIds(MUTE_PER_CALL),
      TopicId: TopicId.optional(),
      MuteTime: intRange(0, MUTE_FOREVER).optional(),
      ShutUpTime: intRange(0, MUTE_FOREVER).optional(),
    })
    .refine((r) => (r.MuteTime === undefined) !== (r.ShutUpTime === undefined), {
      error: "needs exactly one of MuteTime and ShutUpTime",
      path: ["MuteTime"],
    }),
  response: z.looseObject({}),
  unsupported: {
    meaning: "Work (Private) groups cannot mute members.",
    nextStep: "For a Work group remove the member with remove_members instead.",
  },
});
