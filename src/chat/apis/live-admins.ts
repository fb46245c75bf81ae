// group_open_avchatroom_http_svc/get_admin_list, modify_admin and check_members: a live group's admins (at
// most 5; CommandType 1 sets, 2 removes) and whether accounts are in it, beyond the 1,000-member online list
// (pages: get_admin_list https://trtc.io/document/60524, modify_admin /60525, check_members /60523; an
// admin need not be in the group and stays one after leaving). Fields as get_admin_list's example and the
// doocs Java server SDK (ModifyAdminRequest, CheckMembersRequest) send and read them. AVChatRoom only.
import { z } from "zod";
import { defineApi, GroupId, userIds } from "./define.js";

export const LIVE_ADMINS_MAX = 5;
/** No page states check_members' per-request limit: requests of 100 are the safe reading. */
export const LIVE_CHECK_PER_CALL = 100;

const live = {
  meaning: "Only live groups (AVChatRoom) have this admin list and membership check.",
  nextStep: "For other groups use update_member (role) and check_members.",
};

export const getAdminList = defineApi({
  name: "get_admin_list",
  service: "group_open_avchatroom_http_svc",
  command: "get_admin_list",
  doc: "https://trtc.io/document/60524",
  groupTypes: ["AVChatRoom"],
  request: z.object({ GroupId }),
  response: z.looseObject({
    Admin_List: z
      .array(z.looseObject({ Admin_Account: z.string(), NickName: z.string().optional().catch(undefined) }))
      .catch([])
      .default([]),
  }),
  unsupported: live,
});

export const modifyAdmin = defineApi({
  name: "modify_admin",
  service: "group_open_avchatroom_http_svc",
  command: "modify_admin",
  doc: "https://trtc.io/document/60525",
  groupTypes: ["AVChatRoom"],
  writes: true,
  request: z.object({
    GroupId,
    CommandType: z.union([z.literal(1), z.literal(2)]),
    Admin_Account: userIds(LIVE_ADMINS_MAX),
  }),
  response: z.looseObject({}),
  unsupported: live,
});

export const checkLiveMembers = defineApi({
  name: "avchatroom_check_members",
  service: "group_open_avchatroom_http_svc",
  command: "check_members",
  doc: "https://trtc.io/document/60523",
  groupTypes: ["AVChatRoom"],
  request: z.object({ GroupId, Member_Account: userIds(LIVE_CHECK_PER_CALL) }),
  /** The accounts asked about that are in the group. */
  response: z.looseObject({ Member_Account: z.array(z.string()).catch([]).default([]) }),
  unsupported: live,
});
