// million_group_open_http_svc/get_online_member_num (https://trtc.io/document/66883): Community only, refreshed every 4 minutes.
import { ok } from "../envelope.js";
import { type Handler, requireGroup } from "./context.js";

export const getOnlineMemberNum: Handler = (ctx) => {
  const g = requireGroup(ctx);
  return ok({ OnlineMemberNum: g.onlineMemberNum });
};

// group_open_http_svc/get_online_member_num (https://trtc.io/document/38521): the online count of an AVChatRoom, every
// online member, not only the 1,000 the online list shows.
export const getLiveOnlineMemberNum: Handler = (ctx) => {
  const g = requireGroup(ctx);
  return ok({ OnlineMemberNum: g.online.length });
};
