// Pure counting for summarize_group_members: folds members into counters (memory stays flat however
// large the group), and serialises its state into a resume cursor.
import { z } from "zod";
import { MEMBER_ROLES, type MemberRole } from "../chat/groups.js";
import type { MemberProfile } from "../chat/response-schemas.js";
import { sanitizeText } from "../core/sanitize.js";
import { DAY_SECONDS } from "../core/time.js";

export const WINDOWS = [7, 30, 90] as const;
const ADMIN_CAP = 20;
const SAMPLE_SIZE = 5;

const Count = z.number().int().min(0);
const Account = z.string().max(64);
// What a cursor carries back, range-checked again (it is signed, but a bug must not print nonsense).
export const SummaryStateSchema = z.object({
  now: Count,
  scanned: Count,
  pages: Count,
  byRole: z.object({ Owner: Count, Admin: Count, Member: Count }),
  /** Members whose role is none of the three documented ones (kept, not forced into one). */
  otherRoles: Count.default(0),
  muted: Count,
  neverSpoke: Count,
  joined: z.array(Count).length(WINDOWS.length),
  lastSpoke: z.array(Count).length(WINDOWS.length),
  owners: z.array(Account).max(5),
  admins: z.array(Account).max(ADMIN_CAP),
  sample: z.array(Account).max(SAMPLE_SIZE),
});
export type SummaryState = z.infer<typeof SummaryStateSchema>;

export function newSummaryState(nowS: number): SummaryState {
  return {
    now: nowS,
    scanned: 0,
    pages: 0,
    byRole: { Owner: 0, Admin: 0, Member: 0 },
    otherRoles: 0,
    muted: 0,
    neverSpoke: 0,
    joined: WINDOWS.map(() => 0),
    lastSpoke: WINDOWS.map(() => 0),
    owners: [],
    admins: [],
    sample: [],
  };
}

export function addMember(s: SummaryState, m: MemberProfile): void {
  s.scanned++;
  const role = m.Role ?? "Member";
  if ((MEMBER_ROLES as readonly string[]).includes(role)) s.byRole[role as MemberRole]++;
  else s.otherRoles++;
  // Account IDs come from upstream: sanitised like any member-written text before they are printed.
  const account = sanitizeText(m.Member_Account, 64);
  if (role === "Owner" && s.owners.length < 5) s.owners.push(account);
  if (role === "Admin" && s.admins.length < ADMIN_CAP) s.admins.push(account);
  if ((m.MuteUntil ?? 0) > s.now) s.muted++;
  const last = m.LastSendMsgTime ?? 0;
  if (last === 0) s.neverSpoke++;
  WINDOWS.forEach((days, i) => {
    const since = s.now - days * DAY_SECONDS;
    if ((m.JoinTime ?? 0) >= since) s.joined[i]!++;
    if (last > 0 && last >= since) s.lastSpoke[i]!++;
  });
  if (s.sample.length < SAMPLE_SIZE) s.sample.push(account);
}

export function windowsOut(counts: number[]): { last_7_days: number; last_30_days: number; last_90_days: number } {
  return { last_7_days: counts[0] ?? 0, last_30_days: counts[1] ?? 0, last_90_days: counts[2] ?? 0 };
}

export const ADMINS_SHOWN = ADMIN_CAP;
