// Live-group admins and membership: get_admin_list (https://trtc.io/document/60524), modify_admin (/60525;
// an admin need not be in the group, at most 5) and check_members (/60523: who of these is in the group,
// beyond the 1,000-member online list). AVChatRoom only.
import { CODES, EmuFailure, ok } from "../envelope.js";
import { RULES } from "../rules.js";
import { type Handler, requireAccounts, requireGroup } from "./context.js";

export const getAdminList: Handler = (ctx) => {
  const g = requireGroup(ctx);
  return ok({ Admin_List: [...g.liveAdmins].map((a) => ({ Admin_Account: a, Avatar: "", NickName: "" })) });
};

export const modifyAdmin: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const command = ctx.body.CommandType;
  if (command !== 1 && command !== 2)
    throw new EmuFailure(CODES.invalidParam, "CommandType must be 1 (set) or 2 (remove)");
  const accounts = requireAccounts(ctx.body, "Admin_Account", RULES.liveAdminsMax);
  const next = new Set(g.liveAdmins);
  for (const a of accounts) command === 1 ? next.add(a) : next.delete(a);
  // The limit's code is not on the page; 10004 is the emulator's.
  if (next.size > RULES.liveAdminsMax)
    throw new EmuFailure(CODES.invalidParam, `a live group has at most ${RULES.liveAdminsMax} admins`);
  g.liveAdmins = next;
  return ok({});
};

export const checkMembers: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const accounts = requireAccounts(ctx.body, "Member_Account", RULES.liveCheckMaxAccounts);
  return ok({ Member_Account: accounts.filter((a) => ctx.store.membership(g, a)) });
};
