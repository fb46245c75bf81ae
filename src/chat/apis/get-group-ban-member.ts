// group_open_http_svc/get_group_ban_member: banned accounts of a live group, 100 per page by Offset/NextOffset
// (https://trtc.io/document/50295).
import { z } from "zod";
import { defineApi, GroupId, intRange } from "./define.js";

export const BANNED_PER_CALL = 100;

export const getGroupBanMember = defineApi({
  name: "get_group_ban_member",
  service: "group_open_http_svc",
  command: "get_group_ban_member",
  doc: "https://trtc.io/document/50295",
  groupTypes: ["AVChatRoom"],
  request: z.object({ GroupId, Limit: intRange(1, BANNED_PER_CALL), Offset: intRange(0, 2 ** 31 - 1).optional() }),
  response: z.looseObject({
    BannedAccountList: z
      .array(z.looseObject({ Member_Account: z.string(), BannedUntil: z.number().optional().catch(undefined) }))
      .default([]),
    /** 0 = the list is complete. */
    NextOffset: z.number().int().nonnegative().default(0),
  }),
  unsupported: {
    meaning:
      "Banning is documented for live groups (AVChatRoom), on the Premium plan or above with the console switch on.",
    nextStep: "For other group types there is no ban list: see who is muted with get_muted_members.",
  },
});
