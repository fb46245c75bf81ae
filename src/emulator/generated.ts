// Large groups whose members are computed from (seed, index) on demand: a 1,000,000-member
// Community is servable without a million objects in memory. Deterministic for a seed and clock.
import type { EmuMember, MemberRole, MemberSource } from "./model.js";

/** Seconds in a day (the emulator's one copy; the client has core/time.ts DAY_SECONDS). */
export const DAY = 86_400;

/** A fast integer hash (xorshift-multiply), deterministic per (seed, index, salt). */
export function hash32(seed: number, index: number, salt: number): number {
  let h = (seed ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class GeneratedMemberSource implements MemberSource {
  readonly admins: number;
  constructor(
    private readonly size: number,
    private readonly seed: number,
    /** Unix seconds the data is anchored to (the emulator's clock at start). */
    private readonly anchor: number,
    private readonly prefix: string,
  ) {
    // One owner (index 0), then a few admins; everyone else is a Member.
    this.admins = Math.min(size - 1, 2 + Math.floor(size / 2000));
  }

  count(): number {
    return this.size;
  }

  indexOf(account: string): number {
    if (!account.startsWith(this.prefix)) return -1;
    const digits = account.slice(this.prefix.length);
    if (!/^\d{7}$/.test(digits)) return -1;
    const i = Number(digits);
    return i < this.size ? i : -1;
  }

  roleOf(index: number): MemberRole {
    return index === 0 ? "Owner" : index <= this.admins ? "Admin" : "Member";
  }

  at(index: number): EmuMember {
    if (index < 0 || index >= this.size) throw new RangeError(`member index ${index}`);
    const h = hash32(this.seed, index, 1);
    const h2 = hash32(this.seed, index, 2);
    // Joins spread over the last 400 days, in index order (later index = more recent).
    const joinTime = this.anchor - 400 * DAY + Math.floor((index * 400 * DAY) / this.size);
    const neverSpoke = h % 5 === 0; // 20%
    const lastSend = neverSpoke ? 0 : Math.max(joinTime, this.anchor - (h2 % (180 * DAY)));
    const muteRoll = h % 100;
    // 1% muted now (until 1 h to 8 days ahead), 1% with an expired mute (not muted).
    const muteUntil =
      muteRoll === 7
        ? this.anchor + 3600 + (h2 % (7 * DAY))
        : muteRoll === 8
          ? this.anchor - 3600 - (h2 % (30 * DAY))
          : 0;
    const account = `${this.prefix}${String(index).padStart(7, "0")}`;
    return {
      Member_Account: account,
      Role: this.roleOf(index),
      JoinTime: joinTime,
      MsgSeq: h2 % 100_000,
      MsgFlag: h % 3 === 0 ? "AcceptNotNotify" : "AcceptAndNotify",
      LastSendMsgTime: lastSend,
      MuteUntil: muteUntil,
      // Every tenth name card is Chinese: three bytes a character, so the 1 MB cap is met at a third of the text.
      NameCard: h % 4 === 0 ? "" : index % 10 === 1 ? `成员${index}号` : `Member ${index}`,
      AppMemberDefinedData: [{ Key: "Level", Value: String(h2 % 50) }],
    };
  }

  roleRanges(roles: ReadonlySet<string>): Array<[number, number]> {
    const spans: Array<[string, number, number]> = [
      ["Owner", 0, Math.min(1, this.size)],
      ["Admin", 1, 1 + this.admins],
      ["Member", 1 + this.admins, this.size],
    ];
    const out: Array<[number, number]> = [];
    for (const [role, a, b] of spans) {
      if (!roles.has(role) || a >= b) continue;
      const last = out[out.length - 1];
      if (last && last[1] === a) last[1] = b;
      else out.push([a, b]);
    }
    return out;
  }
}

export interface MemberStats {
  member_num: number;
  by_role: { Owner: number; Admin: number; Member: number };
  muted: number;
  never_spoke: number;
  joined: { last_7_days: number; last_30_days: number; last_90_days: number };
  last_spoke: { last_7_days: number; last_30_days: number; last_90_days: number };
}

/** Exact statistics of any member source at `nowSeconds`, computed by walking it (for tests). */
export function memberStats(source: MemberSource, nowSeconds: number): MemberStats {
  const s: MemberStats = {
    member_num: source.count(),
    by_role: { Owner: 0, Admin: 0, Member: 0 },
    muted: 0,
    never_spoke: 0,
    joined: { last_7_days: 0, last_30_days: 0, last_90_days: 0 },
    last_spoke: { last_7_days: 0, last_30_days: 0, last_90_days: 0 },
  };
  for (let i = 0; i < source.count(); i++) {
    const m = source.at(i);
    s.by_role[m.Role]++;
    if (m.MuteUntil > nowSeconds) s.muted++;
    if (m.LastSendMsgTime === 0) s.never_spoke++;
    for (const [key, days] of [
      ["last_7_days", 7],
      ["last_30_days", 30],
      ["last_90_days", 90],
    ] as const) {
      if (m.JoinTime >= nowSeconds - days * DAY) s.joined[key]++;
      if (m.LastSendMsgTime > 0 && m.LastSendMsgTime >= nowSeconds - days * DAY) s.last_spoke[key]++;
    }
  }
  return s;
}
