// Pure counting for summarize_group_members: folds members into counters (memory stays flat however
// large the group), and serialises its state into a resume cursor.
import { z } from "zod";
import type { MemberProfile } from "../chat/wire-types.js";
import { DAY_SECONDS } from "../core/time.js";

export const WINDOWS = [7, 30, 90] as const;
const ADMIN_CAP = 20;
const SAMPLE_SIZE = 5;

export const SummaryStateSchema = z.object({
  now: z.number(),
  scanned: z.number(),
  pages: z.number(),
  byRole: z.object({ Owner: z.number(), Admin: z.number(), Member: z.number() }),
  muted: z.number(),
  neverSpoke: z.number(),
  joined: z.array(z.number()).length(WINDOWS.length),
  lastSpoke: z.array(z.number()).length(WINDOWS.length),
  owners: z.array(z.string()).max(5),
  admins: z.array(z.string()).max(ADMIN_CAP),
  sample: z.array(z.string()).max(SAMPLE_SIZE),
});
export type SummaryState = z.infer<typeof SummaryStateSchema>;

export function newSummaryState(nowS: number): SummaryState {
  return {
    now: nowS,
    scanned: 0,
    pages: 0,
    byRole: { Owner: 0, Admin: 0, Member: 0 },
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
  s.byRole[role]++;
  if (role === "Owner" && s.owners.length < 5) s.owners.push(m.Member_Account);
  if (role === "Admin" && s.admins.length < ADMIN_CAP) s.admins.push(m.Member_Account);
  if ((m.MuteUntil ?? 0) > s.now) s.muted++;
  const last = m.LastSendMsgTime ?? 0;
  if (last === 0) s.neverSpoke++;
  WINDOWS.forEach((days, i) => {
    const since = s.now - days * DAY_SECONDS;
    if ((m.JoinTime ?? 0) >= since) s.joined[i]!++;
    if (last > 0 && last >= since) s.lastSpoke[i]!++;
  });
  if (s.sample.length < SAMPLE_SIZE) s.sample.push(m.Member_Account);
}

export function windowsOut(counts: number[]): { last_7_days: number; last_30_days: number; last_90_days: number } {
  return { last_7_days: counts[0] ?? 0, last_30_days: counts[1] ?? 0, last_90_days: counts[2] ?? 0 };
}

export const ADMINS_SHOWN = ADMIN_CAP;
