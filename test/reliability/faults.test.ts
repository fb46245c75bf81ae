// Under every fault kind the aggregate tools give exactly the fault-free answer (or a clear partial
// result with a resume cursor when the budget runs out first).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS, type FaultSpec } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured } from "../helpers/harness.js";

interface Summary {
  complete: boolean;
  scanned: number;
  by_role: unknown;
  muted: number;
  never_spoke: number;
  joined: unknown;
  last_spoke: unknown;
  as_of: string;
  resume_cursor?: string;
}

const COMMUNITY = "@TGS#_faults_20k";
let h: Harness;
// Figures printed at the end: partial results returned and resumes needed to finish them.
const figures = { partial: 0, resumes: 0, upstreamErrors: 0 };

const essentials = (s: Summary) => ({
  scanned: s.scanned,
  by_role: s.by_role,
  muted: s.muted,
  never_spoke: s.never_spoke,
  joined: s.joined,
  last_spoke: s.last_spoke,
});

/** The fault-free answer at the summary's own clock: exact counts straight from the emulator's data. */
function faultFree(group: string, s: Summary) {
  const e = h.emulator.control.expectedStats(group, Date.parse(s.as_of) / 1000);
  return {
    scanned: e.member_num,
    by_role: e.by_role,
    muted: e.muted,
    never_spoke: e.never_spoke,
    joined: e.joined,
    last_spoke: e.last_spoke,
  };
}

/** Summarises a group, finishing from `partial`'s cursor when given; partial results must carry one. */
async function summarize(group: string, partial?: Summary): Promise<Summary> {
  let s =
    partial ??
    structured<Summary>(await callTool(h.client, "summarize_group_members", { group_id: group, max_seconds: 60 }));
  for (let i = 0; !s.complete && i < 5; i++) {
    expect(s.resume_cursor).toBeTruthy();
    figures.partial++;
    figures.resumes++;
    if ((s as { stopped_because?: string }).stopped_because === "upstream_error") figures.upstreamErrors++;
    s = structured<Summary>(
      await callTool(h.client, "summarize_group_members", {
        group_id: group,
        resume_cursor: s.resume_cursor,
        max_seconds: 60,
      }),
    );
  }
  return s;
}

beforeAll(async () => {
  h = await startHarness({
    emulator: { callsPerSecond: 5000, seed: 7 },
    clientOptions: {
      rateLimits: { default: 5000, perApi: {} },
      maxAttempts: 8,
      timeoutMs: 400,
      retryBaseDelayMs: 5,
      rateLimitDelayMs: 10,
    },
  });
  h.emulator.control.addGroups([{ GroupId: COMMUNITY, Type: "Community", memberCount: 20_000 }]);
  for (const g of [DEMO_GROUP_IDS.publicLarge, COMMUNITY]) {
    const s = await summarize(g);
    expect(essentials(s)).toEqual(faultFree(g, s));
  }
});
afterAll(async () => {
  const f = h.emulator.control.stats().faults;
  console.log(
    `faults: ${f.injected} injected and survived (${JSON.stringify(f.byKind)}), calls ${h.emulator.control.totalCalls()}; ` +
      `${figures.partial} partial results (${figures.upstreamErrors} stopped by an upstream error), ${figures.resumes} resumes`,
  );
  await h.close();
});

const FAULTS: [string, FaultSpec][] = [
  ["10002 on 20% of calls", { seed: 1, rules: [{ kind: "error", code: 10002, fraction: 0.2 }] }],
  ["60008 on 10% of calls", { seed: 2, rules: [{ kind: "error", code: 60008, fraction: 0.1 }] }],
  [
    "HTTP 502/503 on 15% of calls",
    {
      seed: 3,
      rules: [
        { kind: "http", status: 502, fraction: 0.1 },
        { kind: "http", status: 503, fraction: 0.05 },
      ],
    },
  ],
  ["dropped connections on 10% of calls", { seed: 4, rules: [{ kind: "drop", fraction: 0.1 }] }],
  ["answers stalled past the timeout on 5% of calls", { seed: 5, rules: [{ kind: "slow", ms: 1500, fraction: 0.05 }] }],
  ["rate-limit storm: 60007 on 5% of calls", { seed: 6, rules: [{ kind: "error", code: 60007, fraction: 0.05 }] }],
  ["10018 for pages over 50 members", { tooLargeAboveLimit: 50 }],
  ["long rate-limit storm: 40 consecutive 60007", { rules: [{ kind: "error", code: 60007, after: 5, count: 40 }] }],
  [
    "60011/60018/60019 storms of 15 each",
    {
      rules: [
        { kind: "error", code: 60011, after: 2, count: 15 },
        { kind: "error", code: 60018, count: 15 },
        { kind: "error", code: 60019, count: 15 },
      ],
    },
  ],
];

describe.each(FAULTS)("fault: %s", (_name, spec) => {
  it.each([DEMO_GROUP_IDS.publicLarge, COMMUNITY])(
    "summary of %s equals the fault-free one",
    async (group) => {
      h.emulator.control.setFaults(spec);
      const before = h.emulator.control.stats().faults.injected;
      const s = await summarize(group);
      const injected = h.emulator.control.stats().faults.injected - before;
      h.emulator.control.clearFaults();
      expect(s.complete).toBe(true);
      expect(essentials(s)).toEqual(faultFree(group, s));
      if (!spec.tooLargeAboveLimit) expect(injected).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe("faults that outlast the retries", () => {
  it.each([DEMO_GROUP_IDS.publicLarge, COMMUNITY])(
    "%s: partial with the failure, then resumed after the fault clears to the fault-free totals",
    async (group) => {
      // 10002 on every member-list call after the first pages: more than the 8 attempts any one page gets.
      h.emulator.control.setFaults({
        rules: [{ kind: "error", code: 10002, after: 4, count: 1000, apis: ["get_group_member_info"] }],
      });
      const first = structured<Summary & { stopped_because: string }>(
        await callTool(h.client, "summarize_group_members", { group_id: group, max_seconds: 60 }),
      );
      h.emulator.control.clearFaults();
      expect(first.complete).toBe(false);
      expect(first.stopped_because).toBe("upstream_error");
      const s = await summarize(group, first);
      expect(s.complete).toBe(true);
      expect(essentials(s)).toEqual(faultFree(group, s));
    },
    120_000,
  );
});

describe("budget runs out under faults", () => {
  it("returns a clear partial result with a resume cursor", async () => {
    h.emulator.control.setFaults({ latencyMs: 100, seed: 9, rules: [{ kind: "error", code: 10002, fraction: 0.3 }] });
    const s = structured<Summary & { stopped_because: string }>(
      await callTool(h.client, "summarize_group_members", { group_id: COMMUNITY, max_seconds: 1 }),
    );
    h.emulator.control.clearFaults();
    expect(s.complete).toBe(false);
    expect(s.stopped_because).toBe("max_seconds");
    expect(s.resume_cursor).toBeTruthy();
    const rest = await summarize(COMMUNITY, s);
    expect(essentials(rest)).toEqual(faultFree(COMMUNITY, rest));
  }, 120_000);

  it("70050 is reported at once with the one-minute wait, instead of hanging", async () => {
    h.emulator.control.setFaults({ rules: [{ kind: "error", code: 70050, count: 100 }] });
    const started = Date.now();
    const r = await callTool(h.client, "get_group_member_info", { group_id: DEMO_GROUP_IDS.public });
    h.emulator.control.clearFaults();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.content)).toMatch(/70050[\s\S]*at least 60/);
  });
});
