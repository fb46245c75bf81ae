// group_open_avchatroom_http_svc/modify_user_info (https://trtc.io/document/50294): set/delete marks.

import { CODES, EmuFailure, ok } from "../envelope.js";
import { isAllowedMark, RULES } from "../rules.js";
import { type Handler, requireGroup } from "./context.js";

interface MarkRequest {
  Member_Account: string;
  Marks: number[];
}

function readMemberList(v: unknown): MarkRequest[] {
  if (!Array.isArray(v) || v.length === 0) throw new EmuFailure(CODES.invalidParam, "MemberList is required");
  if (v.length > RULES.marksMaxAccountsPerCall)
    throw new EmuFailure(CODES.invalidParam, `MemberList has more than ${RULES.marksMaxAccountsPerCall} accounts`);
  return v.map((item) => {
    const m = item as Partial<MarkRequest>;
    if (typeof m?.Member_Account !== "string" || !Array.isArray(m.Marks) || m.Marks.length === 0)
      throw new EmuFailure(CODES.invalidParam, "each MemberList item needs Member_Account and Marks");
    for (const mark of m.Marks)
      if (typeof mark !== "number" || !isAllowedMark(mark))
        throw new EmuFailure(CODES.invalidParam, `invalid mark ${String(mark)}: marks are >= 1000 (or 500, 600)`);
    return { Member_Account: m.Member_Account, Marks: m.Marks };
  });
}

export const modifyUserInfo: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const command = ctx.body.CommandType;
  if (command !== 1 && command !== 2)
    throw new EmuFailure(CODES.invalidParam, "CommandType must be 1 (set) or 2 (delete)");
  const list = readMemberList(ctx.body.MemberList);
  const online = new Set(g.online.map((m) => m.Member_Account));

  // Only online members can be marked, except with mark 500 (always online), which also applies to
  // known offline accounts; unknown and offline accounts are silently left out (its doc page).
  const applicable = list
    .map((m) => ({
      account: m.Member_Account,
      marks: m.Marks.filter(
        (k) => online.has(m.Member_Account) || (k === RULES.marksAlwaysOnline && g.knownOffline.has(m.Member_Account)),
      ),
    }))
    .filter((m) => m.marks.length > 0);
  // The all-offline failure code is UNCONFIRMED in the reference; 10004 with a clear ErrorInfo.
  if (applicable.length === 0) throw new EmuFailure(CODES.invalidParam, "all accounts are offline or do not exist");

  if (command === 1) {
    const distinct = new Set<number>();
    const perMark = new Map<number, number>();
    for (const set of g.marks.values())
      for (const k of set) {
        if (k >= RULES.marksMinCustom) distinct.add(k);
        perMark.set(k, (perMark.get(k) ?? 0) + 1);
      }
    for (const m of applicable)
      for (const k of m.marks) {
        if (g.marks.get(m.account)?.has(k)) continue;
        if (k >= RULES.marksMinCustom) distinct.add(k);
        perMark.set(k, (perMark.get(k) ?? 0) + 1);
      }
    if (distinct.size > RULES.marksMaxDistinctPerGroup)
      throw new EmuFailure(
        CODES.invalidParam,
        `a group can use at most ${RULES.marksMaxDistinctPerGroup} distinct marks`,
      );
    for (const [k, n] of perMark)
      if (n > RULES.marksMaxMembersPerMark)
        throw new EmuFailure(
          CODES.invalidParam,
          `mark ${k} would be set on more than ${RULES.marksMaxMembersPerMark} members`,
        );
    for (const m of applicable)
      ctx.store.setMarks(g, m.account, new Set([...(g.marks.get(m.account) ?? []), ...m.marks]));
  } else {
    for (const m of applicable) {
      const left = new Set(g.marks.get(m.account));
      for (const k of m.marks) left.delete(k);
      ctx.store.setMarks(g, m.account, left);
    }
  }
  return ok({
    CommandType: command,
    MemberList: applicable.map((m) => ({ Member_Account: m.account, Marks: m.marks })),
  });
};
