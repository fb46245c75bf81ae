// Group administration: create_group (https://trtc.io/document/34895), destroy_group
// (https://www.tencentcloud.com/document/product/1047/34896), change_group_owner (/34966), add_group_member
// (/34921) and modify_group_base_info (https://trtc.io/document/34962). Every change is read back by the
// other APIs: the ID list, profiles, member lists, roles.
import { makeGroup } from "../demo-data.js";
import { CODES, EmuFailure, ok } from "../envelope.js";
import { ArrayMemberSource, type EmuGroup, isEmuGroupType, type KeyValue } from "../model.js";
import { RULES } from "../rules.js";
import { type Handler, nameAndTexts, requireGroup } from "./context.js";

const JOIN_OPTIONS = new Set(["FreeAccess", "NeedPermission", "DisableApply"]);
/** Member caps when create_group names none (the web SDK's CreateGroupParams defaults). */
const DEFAULT_MAX_MEMBERS: Record<string, number> = {
  Private: 200,
  Public: 2000,
  ChatRoom: 10_000,
  AVChatRoom: 0,
  Community: 100_000,
};

function keyValues(body: Record<string, unknown>, field: string): KeyValue[] | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((kv) => typeof kv?.Key === "string" && typeof kv.Value === "string"))
    throw new EmuFailure(CODES.invalidParam, `${field} must be a list of {Key, Value} strings`);
  return v as KeyValue[];
}

/** The profile fields create_group and modify_group_base_info share, checked. */
function profileFields(body: Record<string, unknown>): Partial<EmuGroup> {
  const { name, ...texts } = nameAndTexts(body, "Name", RULES.groupNameMaxBytes);
  const out: Partial<EmuGroup> = { ...texts, ...(name !== undefined ? { Name: name } : {}) };
  const join = body.ApplyJoinOption;
  if (join !== undefined) {
    if (typeof join !== "string" || !JOIN_OPTIONS.has(join))
      throw new EmuFailure(CODES.invalidParam, "ApplyJoinOption must be FreeAccess, NeedPermission or DisableApply");
    out.ApplyJoinOption = join;
  }
  return out;
}

export const modifyGroupBaseInfo: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const fields = profileFields(ctx.body);
  const muteAll = ctx.body.MuteAllMember;
  if (muteAll !== undefined && muteAll !== "On" && muteAll !== "Off")
    throw new EmuFailure(CODES.invalidParam, 'MuteAllMember must be "On" or "Off"');
  const max = ctx.body.MaxMemberNum;
  if (max !== undefined) {
    if (typeof max !== "number" || !Number.isInteger(max) || max < 1)
      throw new EmuFailure(CODES.invalidParam, "MaxMemberNum must be a positive integer");
    fields.MaxMemberNum = max;
  }
  const custom = keyValues(ctx.body, "AppDefinedData");
  if (custom) {
    const merged = new Map(g.AppDefinedData.map((kv) => [kv.Key, kv.Value]));
    for (const kv of custom) merged.set(kv.Key, kv.Value);
    fields.AppDefinedData = [...merged].map(([Key, Value]) => ({ Key, Value }));
  }
  if (muteAll !== undefined) ctx.store.setMuteAll(g, muteAll === "On");
  if (Object.keys(fields).length > 0) ctx.store.patchGroup(g, { ...fields, LastInfoTime: ctx.now });
  else if (muteAll === undefined) throw new EmuFailure(CODES.invalidParam, "nothing to modify");
  return ok({});
};

export const changeGroupOwner: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const next = ctx.body.NewOwner_Account;
  if (typeof next !== "string" || next === "") throw new EmuFailure(CODES.invalidParam, "NewOwner_Account is required");
  // "The new group owner must be a member of the group"; the page names no code, 10004 is the emulator's.
  if (!ctx.store.membership(g, next)) throw new EmuFailure(CODES.invalidParam, `${next} is not a member of the group`);
  ctx.store.changeOwner(g, next);
  return ok({});
};

export const addGroupMember: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const list = ctx.body.MemberList;
  if (!Array.isArray(list) || list.length === 0 || !list.every((m) => typeof m?.Member_Account === "string"))
    throw new EmuFailure(CODES.invalidParam, "MemberList must be a non-empty list of {Member_Account}");
  if (list.length > RULES.addMaxAccounts)
    throw new EmuFailure(CODES.invalidParam, `MemberList has more than ${RULES.addMaxAccounts} accounts`);
  const accounts = [...new Set((list as { Member_Account: string }[]).map((m) => m.Member_Account))];
  const results = accounts.map((a) => {
    if (ctx.store.membership(g, a)) return { Member_Account: a, Result: 2 };
    // A banned account cannot rejoin until its ban ends.
    if ((g.bans.get(a) ?? 0) > ctx.now) return { Member_Account: a, Result: 0 };
    return { Member_Account: a, Result: 1 };
  });
  const joining = results.filter((r) => r.Result === 1).map((r) => r.Member_Account);
  if (g.members.count() + joining.length > g.MaxMemberNum)
    throw new EmuFailure(CODES.groupFull, "the group is full; members cannot be added");
  ctx.store.addMembers(g, joining, ctx.now);
  return ok({ MemberList: results });
};

export const destroyGroup: Handler = (ctx) => {
  const g = requireGroup(ctx);
  ctx.store.dismiss(ctx.app.sdkAppId, g);
  return ok({});
};

let assigned = 0;
/** A system-assigned ID in each type's style (Community IDs start "@TGS#_"). */
function assignId(type: string): string {
  assigned++;
  const tail = `EMU${assigned.toString(36).toUpperCase().padStart(5, "0")}`;
  if (type === "Community") return `@TGS#_@TGS#c${tail}`;
  return `@TGS#${type === "AVChatRoom" ? "a" : "2"}${tail}`;
}

export const createGroup: Handler = (ctx) => {
  const { body } = ctx;
  const type = body.Type;
  if (!isEmuGroupType(type)) throw new EmuFailure(CODES.invalidParam, "Type is not a group type");
  if (body.Name === undefined) throw new EmuFailure(CODES.invalidParam, "Name is required");
  const fields = profileFields(body);
  const owner = body.Owner_Account;
  if (owner !== undefined && (typeof owner !== "string" || owner === ""))
    throw new EmuFailure(CODES.invalidParam, "Owner_Account must be a UserID");
  const members =
    body.MemberList === undefined
      ? []
      : ((): string[] => {
          const list = body.MemberList;
          if (!Array.isArray(list) || !list.every((m) => typeof m?.Member_Account === "string"))
            throw new EmuFailure(CODES.invalidParam, "MemberList must be a list of {Member_Account}");
          return (list as { Member_Account: string }[]).map((m) => m.Member_Account);
        })();
  // "If a group member is specified [for an AVChatRoom], error 10007 will be returned."
  if (type === "AVChatRoom" && members.length > 0)
    throw new EmuFailure(CODES.noPermission, "live groups (AVChatRoom) cannot have members added at creation");
  if (members.length > ctx.settings.createMembersMax)
    throw new EmuFailure(CODES.invalidParam, `MemberList has more than ${ctx.settings.createMembersMax} members`);
  const custom = body.GroupId;
  let id: string;
  if (custom !== undefined) {
    id = custom as string;
    if (typeof custom !== "string" || !/^[\x20-\x7e]+$/.test(id) || id.length > RULES.customGroupIdMaxBytes)
      throw new EmuFailure(CODES.invalidGroupId, "a custom GroupId is 1-47 printable ASCII characters");
    if (type === "Community" ? !id.startsWith("@TGS#_") : id.startsWith("@TGS#"))
      throw new EmuFailure(
        CODES.invalidGroupId,
        type === "Community" ? 'a Community ID starts with "@TGS#_"' : 'a custom GroupId may not start with "@TGS#"',
      );
    if (ctx.store.group(ctx.app.sdkAppId, id)) throw new EmuFailure(CODES.groupIdTaken, "the group ID is used already");
  } else
    do id = assignId(type);
    while (ctx.store.group(ctx.app.sdkAppId, id));
  const max = typeof body.MaxMemberCount === "number" ? body.MaxMemberCount : (DEFAULT_MAX_MEMBERS[type] ?? 2000);
  const g = makeGroup(
    {
      GroupId: id,
      Type: type,
      Name: String(body.Name),
      ...fields,
      Owner_Account: typeof owner === "string" ? owner : "",
      CreateTime: ctx.now,
      LastInfoTime: ctx.now,
      LastMsgTime: 0,
      NextMsgSeq: 1,
      MaxMemberNum: max,
      ApplyJoinOption: fields.ApplyJoinOption ?? (type === "AVChatRoom" ? "FreeAccess" : "NeedPermission"),
      AppDefinedData: keyValues(body, "AppDefinedData") ?? [],
      members: new ArrayMemberSource([]),
    },
    ctx.now,
  );
  ctx.store.addGroup(ctx.app.sdkAppId, g);
  if (typeof owner === "string" && type !== "AVChatRoom") {
    ctx.store.addMembers(g, [owner], ctx.now);
    ctx.store.changeOwner(g, owner);
  }
  ctx.store.addMembers(
    g,
    members.filter((m) => m !== owner),
    ctx.now,
  );
  return ok({ GroupId: id, Type: type });
};
