// group_open_http_svc/ban_group_member and unban_group_member: ban up to 20 accounts for a duration (a banned
// member gets no messages and cannot rejoin), or lift it (https://trtc.io/document/50296). The docs disagree on
// which groups can ban (docs/drift.md): requests are sent whatever the type, and a refusal names the plan switch.
import { z } from "zod";
import { defineApi, GroupId, intRange, userIds } from "./define.js";

export const BAN_PER_CALL = 20;

const refusal = {
  meaning:
    "This group cannot ban members: banning needs the Premium plan or above and the console's member-banning switch, and older copies of the docs allow it only in live groups (AVChatRoom).",
  nextStep:
    "Turn on member banning in the Chat console if your plan has it; otherwise use remove_members (not for live groups) or mute_members.",
};

export const banGroupMember = defineApi({
  name: "ban_group_member",
  service: "group_open_http_svc",
  command: "ban_group_member",
  doc: "https://trtc.io/document/50296",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z.object({
    GroupId,
    Members_Account: userIds(BAN_PER_CALL),
    /** Seconds. */
    Duration: intRange(1, 4_294_967_295),
    Description: z.string().max(200).optional(),
  }),
  response: z.looseObject({}),
  unsupported: refusal,
});

export const unbanGroupMember = defineApi({
  name: "unban_group_member",
  service: "group_open_http_svc",
  command: "unban_group_member",
  doc: "https://trtc.io/document/50296",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  writes: true,
  request: z.object({ GroupId, Members_Account: userIds(BAN_PER_CALL) }),
  response: z.looseObject({}),
  unsupported: refusal,
});
