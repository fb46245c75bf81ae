// group_open_http_svc/get_group_member_info (https://www.tencentcloud.com/document/product/1047/34948).

import { CODES, EmuFailure, ok } from "../envelope.js";
import { FilteredView, isCommunityId, MEMBER_ROLES } from "../model.js";
import { RULES } from "../rules.js";
import { type Handler, optionalInt, optionalStringArray, requireGroup, SizeBudget } from "./context.js";
import { projectMember } from "./member-fields.js";

// Community cursors look like the docs' example: large integers kept as strings (above 2^53).
const CURSOR_BASE = 144115265295492787n;
const CURSOR_STRIDE = 7919n;

export function encodeNext(position: number): string {
  return (CURSOR_BASE + BigInt(position) * CURSOR_STRIDE).toString();
}

export function decodeNext(next: string): number | undefined {
  if (!/^\d{1,30}$/.test(next)) return undefined;
  const delta = BigInt(next) - CURSOR_BASE;
  if (delta < 0n || delta % CURSOR_STRIDE !== 0n) return undefined;
  return Number(delta / CURSOR_STRIDE);
}

export const getGroupMemberInfo: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const { body } = ctx;
  const community = g.Type === "Community" || isCommunityId(g.GroupId);
  const roles = optionalStringArray(body, "MemberRoleFilter");
  if (roles?.some((r) => !(MEMBER_ROLES as readonly string[]).includes(r)))
    throw new EmuFailure(CODES.invalidParam, "MemberRoleFilter accepts Owner, Admin, Member");
  const fieldsList = optionalStringArray(body, "MemberInfoFilter");
  const customList = optionalStringArray(body, "AppDefinedDataFilter_GroupMember");

  const roleSet = new Set<string>(roles ?? MEMBER_ROLES);
  // "after-paging": Offset/Limit select positions of the whole list, then the role filter thins the page.
  const afterPaging = ctx.settings.roleFilter === "after-paging" && roles !== undefined;
  const view = new FilteredView(afterPaging ? [[0, g.members.count()]] : g.members.roleRanges(roleSet));
  let start: number;
  let limit: number;
  if (community) {
    // Community pages only through Next, Limit <= 100; Offset is not supported (its doc page).
    if (body.Offset !== undefined)
      throw new EmuFailure(CODES.invalidParam, "Community groups do not support Offset; use Next");
    if (typeof body.Next !== "string")
      throw new EmuFailure(CODES.invalidParam, 'Next is required for Community groups ("" on the first call)');
    limit = optionalInt(body, "Limit", 1, RULES.memberPageMaxNext) ?? RULES.memberPageMaxNext;
    const pos = body.Next === "" ? 0 : decodeNext(body.Next);
    if (pos === undefined || pos > view.total) throw new EmuFailure(CODES.invalidParam, "invalid Next");
    start = pos;
  } else {
    limit = optionalInt(body, "Limit", 1, RULES.memberPageMaxFieldTable) ?? view.total;
    start = optionalInt(body, "Offset", 0, 2 ** 31 - 1) ?? 0;
  }
  const tooLarge = ctx.settings.tooLargeAboveLimit;
  if (tooLarge !== undefined && limit > tooLarge)
    throw new EmuFailure(
      CODES.tooLarge,
      "the response exceeds the maximum size (1 MB); pull the data by page with a smaller Limit",
    );

  const projection = {
    fields: fieldsList ? new Set(fieldsList) : undefined,
    customKeys: customList ? new Set(customList) : undefined,
    // Without any filter, custom member fields come back only under the reading of its doc page's examples;
    // its field table says they are "omitted by default" (docs/drift.md).
    allCustom: ctx.settings.customFieldsByDefault && !fieldsList && !customList,
    muteField: ctx.settings.muteField,
  };
  // Big pages are measured while they are built (stop early past 1 MB); small ones once, when sent.
  const budget = limit > 1000 ? new SizeBudget() : undefined;
  const list: Record<string, unknown>[] = [];
  for (const i of view.indexes(start, limit)) {
    const member = g.members.at(i);
    if (afterPaging && !roleSet.has(member.Role)) continue;
    const item = projectMember(member, projection);
    budget?.add(item);
    list.push(item);
  }
  const payload: Record<string, unknown> = { MemberNum: g.members.count(), MemberList: list };
  if (community) {
    const end = start + list.length;
    payload.Next = end >= view.total ? "" : encodeNext(end);
  }
  return ok(payload);
};

// group_open_http_svc/get_specified_group_member_info (https://www.tencentcloud.com/document/product/1047/64897):
// the named accounts that are members, in the order asked; others are left out of MemberList.
export const getSpecifiedGroupMemberInfo: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const { body } = ctx;
  const accounts = optionalStringArray(body, "Member_List_Account");
  if (!accounts || accounts.length === 0) throw new EmuFailure(CODES.invalidParam, "Member_List_Account is required");
  if (accounts.length > RULES.specifiedMembersMax)
    throw new EmuFailure(CODES.invalidParam, `Member_List_Account holds at most ${RULES.specifiedMembersMax} accounts`);
  const roles = optionalStringArray(body, "MemberRoleFilter");
  if (roles?.some((r) => !(MEMBER_ROLES as readonly string[]).includes(r)))
    throw new EmuFailure(CODES.invalidParam, "MemberRoleFilter accepts Owner, Admin, Member");
  const fieldsList = optionalStringArray(body, "MemberInfoFilter");
  const customList = optionalStringArray(body, "AppDefinedDataFilter_GroupMember");
  const projection = {
    fields: fieldsList ? new Set(fieldsList) : undefined,
    customKeys: customList ? new Set(customList) : undefined,
    allCustom: ctx.settings.customFieldsByDefault && !fieldsList && !customList,
    muteField: ctx.settings.muteField,
  };
  const list: Record<string, unknown>[] = [];
  for (const account of new Set(accounts)) {
    const i = g.members.indexOf(account);
    if (i < 0) continue;
    const member = g.members.at(i);
    if (roles && !roles.includes(member.Role)) continue;
    list.push(projectMember(member, projection));
  }
  return ok({ MemberList: list });
};
