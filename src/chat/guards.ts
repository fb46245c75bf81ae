// Never send a request we know will fail: documented limits checked before sending
// (reference §G.3). Each refusal names the parameter and the allowed values.
import { ChatInputError } from "./errors.js";
import { isCommunityGroupId } from "./group-types.js";
import { isValidMark, LIMITS } from "./limits.js";
import type {
  GetGroupInfoRequest,
  GetGroupMemberInfoRequest,
  GetOnlineMembersRequest,
  ModifyUserInfoRequest,
} from "./wire-types.js";

// Custom group IDs are printable ASCII under 48 bytes (reference §E.2); system IDs are shorter.
// Community IDs may be "@TGS#_" + a system ID, so allow a little more than 48 in total.
const GROUP_ID = /^[\x20-\x7e]{1,64}$/;

export function checkGroupId(groupId: string, param = "GroupId"): void {
  if (typeof groupId !== "string" || !GROUP_ID.test(groupId))
    throw new ChatInputError(
      param,
      `${param} "${String(groupId).slice(0, 80)}" is not a valid group ID`,
      "1-64 printable ASCII characters, e.g. @TGS#1NVTZEAE4",
    );
}

function checkInt(param: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ChatInputError(param, `${param} ${value} is out of range`, `${min}-${max}`);
}

export function checkGetGroupInfo(req: GetGroupInfoRequest): void {
  const n = req.GroupIdList?.length ?? 0;
  if (n < 1 || n > LIMITS.groupInfoMaxGroups)
    throw new ChatInputError(
      "GroupIdList",
      `GroupIdList has ${n} IDs`,
      `1-${LIMITS.groupInfoMaxGroups} group IDs per call`,
    );
  for (const id of req.GroupIdList) checkGroupId(id, "GroupIdList");
}

/** Returns the request with Community defaults applied (Next "" on the first call). */
/** A member filter naming the mute end also names its older spelling, so it comes back under either. */
export function withLegacyMuteField(filter: string[] | undefined): string[] | undefined {
  return filter?.includes("MuteUntil") && !filter.includes("ShutUpUntil") ? [...filter, "ShutUpUntil"] : filter;
}

export function checkGetGroupMemberInfo(req: GetGroupMemberInfoRequest): GetGroupMemberInfoRequest {
  checkGroupId(req.GroupId);
  if (req.MemberInfoFilter) req = { ...req, MemberInfoFilter: withLegacyMuteField(req.MemberInfoFilter) };
  if (isCommunityGroupId(req.GroupId)) {
    // Community groups page only through the Next cursor; Offset is not supported (seed-2).
    if (req.Offset !== undefined)
      throw new ChatInputError(
        "Offset",
        "Community groups (IDs starting @TGS#_) do not support Offset",
        'use Next: "" first, then the returned Next',
      );
    checkInt("Limit", req.Limit, 1, LIMITS.memberInfoMaxLimitNext);
    return { ...req, Limit: req.Limit ?? LIMITS.memberInfoMaxLimitNext, Next: req.Next ?? "" };
  }
  if (req.Next !== undefined)
    throw new ChatInputError(
      "Next",
      "Only Community groups (IDs starting @TGS#_) page with Next",
      "use Limit and Offset",
    );
  checkInt("Limit", req.Limit, 1, LIMITS.memberInfoMaxLimitOffset);
  checkInt("Offset", req.Offset, 0, 2 ** 31 - 1);
  return req;
}

export function checkGetOnlineMembers(req: GetOnlineMembersRequest): void {
  checkGroupId(req.GroupId);
  checkInt("Timestamp", req.Timestamp, 0, Number.MAX_SAFE_INTEGER);
  if (req.Mark !== undefined && !isValidMark(req.Mark))
    throw new ChatInputError("Mark", `Mark ${req.Mark} is not a valid mark`, "an integer >= 1000, or 500 / 600");
}

export function checkModifyUserInfo(req: ModifyUserInfoRequest): void {
  checkGroupId(req.GroupId);
  if (req.CommandType !== 1 && req.CommandType !== 2)
    throw new ChatInputError(
      "CommandType",
      `CommandType ${String(req.CommandType)} is invalid`,
      "1 (set) or 2 (delete)",
    );
  const n = req.MemberList?.length ?? 0;
  if (n < 1 || n > LIMITS.marksMaxAccountsPerCall)
    throw new ChatInputError(
      "MemberList",
      `MemberList has ${n} accounts`,
      `1-${LIMITS.marksMaxAccountsPerCall} accounts per call`,
    );
  const distinct = new Set<number>();
  for (const m of req.MemberList) {
    if (typeof m.Member_Account !== "string" || !/^[\x20-\x7e]{1,32}$/.test(m.Member_Account))
      throw new ChatInputError(
        "Member_Account",
        `Account "${String(m.Member_Account).slice(0, 40)}" is not a valid UserID`,
        "1-32 printable ASCII characters",
      );
    if (!Array.isArray(m.Marks) || m.Marks.length === 0)
      throw new ChatInputError("Marks", `Account ${m.Member_Account} has no marks`, "at least one mark");
    for (const mark of m.Marks) {
      if (!isValidMark(mark))
        throw new ChatInputError(
          "Marks",
          `Mark ${mark} is not allowed`,
          "integers >= 1000, or the special 500 and 600",
        );
      distinct.add(mark);
    }
  }
  if (distinct.size > LIMITS.marksMaxDistinctPerGroup)
    throw new ChatInputError(
      "Marks",
      `${distinct.size} distinct marks in one request`,
      `at most ${LIMITS.marksMaxDistinctPerGroup} distinct marks per group`,
    );
}
