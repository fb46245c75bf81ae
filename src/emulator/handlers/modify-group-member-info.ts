// group_open_http_svc/modify_group_member_info (https://www.tencentcloud.com/document/product/1047/34900):
// a member's role (Admin/Member), name card (at most 50 bytes), mute and custom fields; not AVChatRoom.
// The changes show in get_group_member_info, get_specified_group_member_info and get_role_in_group.
import { CODES, EmuFailure, ok } from "../envelope.js";
import type { EmuMember } from "../model.js";
import { RULES } from "../rules.js";
import { type Handler, requireGroup } from "./context.js";

export const modifyGroupMemberInfo: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const { body } = ctx;
  const account = body.Member_Account;
  if (typeof account !== "string" || account === "")
    throw new EmuFailure(CODES.invalidParam, "Member_Account is required");
  const i = g.members.indexOf(account);
  // The page names no code for a non-member; 10004 (invalid parameter) is the emulator's.
  if (i < 0) throw new EmuFailure(CODES.invalidParam, `${account} is not a member of the group`);
  const member = g.members.at(i);
  const fields: Partial<EmuMember> = {};
  if (body.Role !== undefined) {
    if (body.Role !== "Admin" && body.Role !== "Member")
      throw new EmuFailure(CODES.invalidParam, "Role must be Admin or Member");
    if (member.Role === "Owner") throw new EmuFailure(CODES.invalidParam, "the owner's role cannot be changed");
    fields.Role = body.Role;
  }
  if (body.NameCard !== undefined) {
    if (typeof body.NameCard !== "string" || Buffer.byteLength(body.NameCard) > RULES.nameCardMaxBytes)
      throw new EmuFailure(CODES.invalidParam, `NameCard is at most ${RULES.nameCardMaxBytes} bytes`);
    fields.NameCard = body.NameCard;
  }
  const muteField = ctx.settings.muteTimeField;
  const seconds = body[muteField];
  if (seconds !== undefined) {
    if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 0 || seconds > RULES.muteForever)
      throw new EmuFailure(CODES.invalidParam, `${muteField} must be seconds, 0 to unmute`);
    fields.MuteUntil = seconds === 0 ? 0 : seconds === RULES.muteForever ? RULES.muteForever : ctx.now + seconds;
  }
  if (body.AppMemberDefinedData !== undefined) {
    if (!Array.isArray(body.AppMemberDefinedData))
      throw new EmuFailure(CODES.invalidParam, "AppMemberDefinedData must be a list of {Key, Value}");
    const merged = new Map(member.AppMemberDefinedData.map((kv) => [kv.Key, kv.Value]));
    for (const kv of body.AppMemberDefinedData as { Key?: unknown; Value?: unknown }[]) {
      if (typeof kv?.Key !== "string" || typeof kv.Value !== "string")
        throw new EmuFailure(CODES.invalidParam, "AppMemberDefinedData items are {Key, Value} strings");
      merged.set(kv.Key, kv.Value);
    }
    fields.AppMemberDefinedData = [...merged].map(([Key, Value]) => ({ Key, Value }));
  }
  if (Object.keys(fields).length === 0) throw new EmuFailure(CODES.invalidParam, "nothing to modify");
  ctx.store.patchMember(g, account, fields);
  return ok({});
};
