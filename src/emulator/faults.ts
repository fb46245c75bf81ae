// Fault injection for tests and benchmarks: latency, forced error codes, HTTP 5xx, dropped
// connections, answers lost after the request was carried out, stalled bodies, 10018 for large pages. Deterministic for a given seed.

export interface FaultRule {
  /** "lost": the request is carried out, then the connection drops before the answer (a timeout after success). */
  kind: "error" | "http" | "drop" | "lost" | "slow";
  /** ErrorCode for kind "error". */
  code?: number;
  info?: string;
  /** HTTP status for kind "http" (502, 503...). */
  status?: number;
  /** Stall for kind "slow": headers are sent, then the body waits this long. */
  ms?: number;
  /** Let this many matching calls through before the rule starts (a failure mid-scan). */
  after?: number;
  /** Apply to the next N matching calls... */
  count?: number;
  /** ...or to this fraction of matching calls (0-1). */
  fraction?: number;
  apis?: string[];
}

export interface FaultSpec {
  latencyMs?: number;
  rules?: FaultRule[];
  /** 10018 for get_group_member_info pages whose Limit exceeds this (or that have no Limit). */
  tooLargeAboveLimit?: number;
  seed?: number;
}

export interface FaultStats {
  injected: number;
  byKind: Record<FaultRule["kind"], number>;
}

/** mulberry32: a tiny seeded PRNG so fraction faults repeat exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  private spec: FaultSpec = {};
  private remaining: (number | undefined)[] = [];
  private passes: number[] = [];
  private random = prng(1);
  readonly stats: FaultStats = { injected: 0, byKind: { error: 0, http: 0, drop: 0, lost: 0, slow: 0 } };

  set(spec: FaultSpec): void {
    this.spec = { ...spec, rules: spec.rules ?? [] };
    this.remaining = (spec.rules ?? []).map((r) => r.count);
    this.passes = (spec.rules ?? []).map((r) => r.after ?? 0);
    this.random = prng(spec.seed ?? 1);
  }

  clear(): void {
    this.set({});
  }

  get latencyMs(): number {
    return this.spec.latencyMs ?? 0;
  }

  get tooLargeAboveLimit(): number | undefined {
    return this.spec.tooLargeAboveLimit;
  }

  /** The fault to apply to this call, if any (first matching rule wins). */
  pick(api: string): FaultRule | undefined {
    const rules = this.spec.rules ?? [];
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      if (r.apis && !r.apis.includes(api)) continue;
      if ((this.passes[i] ?? 0) > 0) {
        this.passes[i]!--;
        continue;
      }
      const left = this.remaining[i];
      let hit: boolean;
      if (left !== undefined) {
        hit = left > 0;
        if (hit) this.remaining[i] = left - 1;
      } else hit = this.random() < (r.fraction ?? 1);
      if (hit) {
        this.stats.injected++;
        this.stats.byKind[r.kind]++;
        return r;
      }
    }
    return undefined;
  }
}
