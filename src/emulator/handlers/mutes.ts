// Muting: forbid_send_msg (https://cloud.tencent.com/document/product/269/1627), get_group_muted_account
// (https://cloud.tencent.com/document/api/269/2925). Mute-all is a field of modify_group_base_info (administration.ts).
import { CODES, EmuFailure, ok } from "../envelope.js";
import { RULES } from "../rules.js";
import { type Handler, requireAccounts, requireChannel, requireGroup } from "./context.js";

export const forbidSendMsg: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const accounts = requireAccounts(ctx.body, "Members_Account", RULES.muteMaxAccounts);
  // Doc variant: the duration's name (MuteTime on current pages, ShutUpTime on older ones).
  const field = ctx.settings.muteTimeField;
  const seconds = ctx.body[field];
  if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 0 || seconds > RULES.muteForever)
    throw new EmuFailure(
      CODES.invalidParam,
      `${field} is required: seconds, 0 to unmute, ${RULES.muteForever} for ever`,
    );
  const until = seconds === 0 ? 0 : seconds === RULES.muteForever ? RULES.muteForever : ctx.now + seconds;
  const { topic } = requireChannel(ctx, g);
  if (topic) {
    // A topic's mutes are its own: the group and the other topics are untouched.
    for (const a of accounts.filter((x) => ctx.store.membership(g, x)))
      if (until > 0) topic.mutes.set(a, until);
      else topic.mutes.delete(a);
    return ok({});
  }
  // Members only, except in live groups, whose viewers are on no list; a mute survives leaving and rejoining.
  const targets = g.Type === "AVChatRoom" ? accounts : accounts.filter((a) => ctx.store.membership(g, a));
  ctx.store.mute(g, targets, until);
  return ok({});
};

export const getGroupMutedAccount: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const { topic } = requireChannel(ctx, g);
  const muted = topic
    ? [...topic.mutes].filter(([, until]) => until > ctx.now).map(([account, until]) => ({ account, until }))
    : ctx.store.mutedOf(g, ctx.now);
  // Doc variant: the list and field names (MutedAccountList/MutedUntil now; ShuttedUinList/ShuttedUntil in SDKs).
  return ctx.settings.mutedListField === "MutedAccountList"
    ? ok({
        GroupId: g.GroupId,
        MutedAccountList: muted.map((m) => ({ Member_Account: m.account, MutedUntil: m.until })),
      })
    : ok({
        GroupId: g.GroupId,
        ShuttedUinList: muted.map((m) => ({ Member_Account: m.account, ShuttedUntil: m.until })),
      });
};
