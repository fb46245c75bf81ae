// Taking members out: delete_group_member (https://cloud.tencent.com/document/product/269/1622; live groups answer
// 10004), ban_group_member / unban_group_member / get_group_ban_member (https://trtc.io/document/50296, /50295).
import { CODES, EmuFailure, ok } from "../envelope.js";
import { RULES } from "../rules.js";
import { type Handler, optionalInt, requireAccounts, requireGroup } from "./context.js";

export const deleteGroupMember: Handler = (ctx) => {
  const g = requireGroup(ctx);
  if (g.Type === "AVChatRoom")
    throw new EmuFailure(CODES.invalidParam, "audio-video groups do not support deleting members");
  const accounts = requireAccounts(ctx.body, "MemberToDel_Account", RULES.removeMaxAccounts);
  if (accounts.includes(g.Owner_Account)) throw new EmuFailure(CODES.invalidParam, "the group owner cannot be removed");
  // Non-members are accepted and ignored.
  ctx.store.removeMembers(g, accounts);
  return ok({});
};

/** Doc variant: ban in live groups only (tencentcloud en/zh/jp pages) or in every type (trtc.io, 2025). */
function requireBannable(ctx: Parameters<Handler>[0]) {
  const g = requireGroup(ctx);
  if (ctx.settings.banTypes === "live-only" && g.Type !== "AVChatRoom")
    throw new EmuFailure(CODES.noPermission, "member banning is supported for audio-video groups only");
  return g;
}

export const banGroupMember: Handler = (ctx) => {
  const g = requireBannable(ctx);
  const accounts = requireAccounts(ctx.body, "Members_Account", RULES.banMaxAccounts);
  const duration = optionalInt(ctx.body, "Duration", 1, RULES.muteForever);
  if (duration === undefined) throw new EmuFailure(CODES.invalidParam, "Duration is required (seconds)");
  if (accounts.includes(g.Owner_Account)) throw new EmuFailure(CODES.invalidParam, "the group owner cannot be banned");
  ctx.store.ban(g, accounts, ctx.now + duration);
  return ok({});
};

export const unbanGroupMember: Handler = (ctx) => {
  const g = requireBannable(ctx);
  ctx.store.unban(g, requireAccounts(ctx.body, "Members_Account", RULES.banMaxAccounts));
  return ok({});
};

export const getGroupBanMember: Handler = (ctx) => {
  const g = requireBannable(ctx);
  const limit = optionalInt(ctx.body, "Limit", 1, RULES.bannedMaxLimit) ?? RULES.bannedMaxLimit;
  const offset = optionalInt(ctx.body, "Offset", 0, 2 ** 31 - 1) ?? 0;
  const all = ctx.store.bannedOf(g, ctx.now);
  const page = all.slice(offset, offset + limit);
  const end = offset + page.length;
  return ok({
    BannedAccountList: page.map((b) => ({ Member_Account: b.account, BannedUntil: b.until })),
    NextOffset: end >= all.length ? 0 : end,
  });
};
