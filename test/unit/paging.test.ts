// memberPages and scanMembers over a caller double at the port (a list of N members served like Tencent
// pages them): order, ends, the role-filter reading, 10018 halving, resume positions and kept failures.
import { describe, expect, it } from "vitest";
import { memberPages } from "../../src/aggregate/paginate.js";
import { scanMembers } from "../../src/aggregate/scan.js";
import type { CallOptions, ChatCaller } from "../../src/chat/api.js";
import type { ChatApi } from "../../src/chat/apis/index.js";
import { ChatApiError } from "../../src/chat/errors.js";
import { ChatGroups } from "../../src/chat/groups.js";

interface Served {
  calls: { Offset?: number; Limit?: number; Next?: string }[];
}

/** Serves get_group_member_info from N members ("m0".."m{N-1}"); `fail(n)` may throw for the n-th call. */
function membersCaller(
  n: number,
  o: { fail?: (call: number) => Error | undefined; maxPage?: number } = {},
): ChatCaller & Served {
  const calls: Served["calls"] = [];
  return {
    calls,
    async call<Req, Res>(api: ChatApi<Req, Res>, request: Req, _opts?: CallOptions): Promise<Res> {
      const r = request as { Offset?: number; Limit?: number; Next?: string };
      calls.push({ Offset: r.Offset, Limit: r.Limit, Next: r.Next });
      const err = o.fail?.(calls.length);
      if (err) throw err;
      const limit = r.Limit ?? 100;
      if (o.maxPage && limit > o.maxPage) throw new ChatApiError(api.name, 10018, "too large", "");
      const from = r.Next !== undefined ? Number(r.Next || 0) : (r.Offset ?? 0);
      const items = Array.from({ length: Math.max(0, Math.min(limit, n - from)) }, (_, i) => ({
        Member_Account: `m${from + i}`,
        Role: from + i === 0 ? "Owner" : "Member",
      }));
      const next = from + items.length;
      return api.response.parse({
        ActionStatus: "OK",
        ErrorCode: 0,
        MemberNum: n,
        MemberList: items,
        ...(r.Next !== undefined ? { Next: next >= n ? "" : String(next) } : {}),
      }) as Res;
    },
  };
}

async function collect(
  chat: ChatGroups,
  groupId: string,
  start: { kind: "offset"; offset: number } | { kind: "next"; next: string },
  pageSize: number,
) {
  const seen: string[] = [];
  for await (const p of memberPages(chat, {
    groupId,
    start,
    pageSize,
    concurrency: 4,
    signal: new AbortController().signal,
  }))
    seen.push(...p.members.map((m) => m.Member_Account));
  return seen;
}

const budget = (maxItems = Number.MAX_SAFE_INTEGER) => ({
  deadlineMs: Date.now() + 60_000,
  maxItems,
  signal: new AbortController().signal,
});

describe("memberPages", () => {
  it("Offset pages come back in order, concurrently fetched, and end at the short page", async () => {
    const caller = membersCaller(1050);
    expect(await collect(new ChatGroups(caller), "@TGS#1", { kind: "offset", offset: 0 }, 200)).toEqual(
      Array.from({ length: 1050 }, (_, i) => `m${i}`),
    );
    expect(caller.calls.map((c) => c.Offset)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it("Community pages follow the Next cursor to the empty one, at most 100 a page", async () => {
    const caller = membersCaller(250);
    const seen = await collect(new ChatGroups(caller), "@TGS#_c", { kind: "next", next: "" }, 200);
    expect(seen).toHaveLength(250);
    expect(caller.calls.map((c) => c.Limit)).toEqual([100, 100, 100]);
  });

  it("a 10018 halves the page and reads the same positions", async () => {
    const caller = membersCaller(300, { maxPage: 60 });
    const seen = await collect(new ChatGroups(caller), "@TGS#1", { kind: "offset", offset: 0 }, 200);
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => `m${i}`));
  });
});

describe("scanMembers", () => {
  it("stops at max_items right after the member that filled it, and resumes there to the same members", async () => {
    const chat = new ChatGroups(membersCaller(500));
    const first: string[] = [];
    const a = await scanMembers(chat, {
      groupId: "@TGS#1",
      start: { kind: "offset", offset: 0 },
      skip: 0,
      budget: budget(130),
      visit: (m) => {
        first.push(m.Member_Account);
        return true;
      },
    });
    expect(a).toMatchObject({ complete: false, reason: "max_items", visited: 130 });
    const rest: string[] = [];
    const b = await scanMembers(chat, {
      groupId: "@TGS#1",
      start: a.resume!.pos,
      skip: a.resume!.skip,
      budget: budget(),
      visit: (m) => {
        rest.push(m.Member_Account);
        return true;
      },
    });
    expect(b.complete).toBe(true);
    expect([...first, ...rest]).toEqual(Array.from({ length: 500 }, (_, i) => `m${i}`));
  });

  it("a Next cursor cannot absorb a skip: the page is read again and its head skipped", async () => {
    const chat = new ChatGroups(membersCaller(250));
    const first: string[] = [];
    const a = await scanMembers(chat, {
      groupId: "@TGS#_c",
      start: { kind: "next", next: "" },
      skip: 0,
      budget: budget(),
      visit: (m) => {
        first.push(m.Member_Account);
        return first.length < 150;
      },
    });
    expect(a.reason).toBe("early_exit");
    expect(a.resume).toEqual({ pos: { kind: "next", next: "100" }, skip: 50 });
    const rest: string[] = [];
    await scanMembers(chat, {
      groupId: "@TGS#_c",
      ...{ start: a.resume!.pos, skip: a.resume!.skip },
      budget: budget(),
      visit: (m) => {
        rest.push(m.Member_Account);
        return true;
      },
    });
    expect([...first, ...rest]).toEqual(Array.from({ length: 250 }, (_, i) => `m${i}`));
  });

  it("a page failing beyond its retries keeps what was read and resumes at that page; a fresh scan that read nothing throws", async () => {
    const chat = new ChatGroups(
      membersCaller(300, {
        fail: (n) => (n === 2 ? new ChatApiError("get_group_member_info", 10002, "busy", "") : undefined),
      }),
    );
    let seen = 0;
    const r = await scanMembers(chat, {
      groupId: "@TGS#_c",
      start: { kind: "next", next: "" },
      skip: 0,
      budget: budget(),
      visit: () => {
        seen++;
        return true;
      },
    });
    expect(r).toMatchObject({ complete: false, reason: "upstream_error", visited: 100 });
    expect(r.failure?.code).toBe(10002);
    expect(seen).toBe(100);
    expect(r.resume).toEqual({ pos: { kind: "next", next: "100" }, skip: 0 });
    const dead = new ChatGroups(
      membersCaller(10, { fail: () => new ChatApiError("get_group_member_info", 10002, "busy", "") }),
    );
    await expect(
      scanMembers(dead, {
        groupId: "@TGS#1",
        start: { kind: "offset", offset: 0 },
        skip: 0,
        budget: budget(),
        visit: () => true,
      }),
    ).rejects.toBeInstanceOf(ChatApiError);
  });
});
