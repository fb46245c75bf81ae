import { CHAT_APIS } from "../../src/chat/apis/index.js";
// Aggregate tools vs the baselines the issue names, against the emulator with injected latency.

import { ChatClient } from "../../src/chat/client.js";
import { createUserSigProvider } from "../../src/chat/usersig.js";
import { DEMO_GROUP_IDS } from "../../src/emulator/demo-ids.js";
import { callTool, startHarness, structured } from "../../test/helpers/harness.js";
import type { Row } from "../run.js";

const LATENCY_MS = 50;
const OVERVIEW_LATENCY_MS = 100;

export async function run(): Promise<Row[]> {
  const h = await startHarness({ emulator: { latencyMs: LATENCY_MS } });
  const rows: Row[] = [];
  const c = h.emulator.credentials;
  const plain = new ChatClient({
    baseUrl: h.emulator.url,
    sdkAppId: c.sdkAppId,
    identifier: c.identifier,
    userSig: createUserSigProvider({ ...c }),
  });
  try {
    // Warm-up (JIT, keep-alive connections) so the first workload is not charged for it.
    await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.community });
    await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.public });
    // 1. Community scan in cursor mode: sequential by nature; the floor is pages x latency.
    h.emulator.control.addGroups([{ GroupId: "@TGS#_bench_20k", Type: "Community", memberCount: 20_000 }]);
    let t = performance.now();
    const s = structured<{ pages: number; scanned: number; complete: boolean }>(
      await callTool(h.client, "summarize_group_members", { group_id: "@TGS#_bench_20k", max_seconds: 120 }),
    );
    const ours = performance.now() - t;
    const floor = s.pages * LATENCY_MS;
    rows.push({
      name: `Community cursor scan (20,000 members, ${s.pages} pages, ${LATENCY_MS} ms latency)`,
      ours,
      baseline: floor,
      unit: "ms",
      ratio: ours / floor,
      target: "<= 1.10 x floor",
      pass: s.complete && ours / floor <= 1.1,
    });

    // 2. Offset scan of the 6,000-member Public group vs the same pages fetched one after another.
    const before = h.emulator.control.stats().rateLimited;
    t = performance.now();
    const p = structured<{ pages: number; complete: boolean; scanned: number }>(
      await callTool(h.client, "summarize_group_members", { group_id: DEMO_GROUP_IDS.publicLarge }),
    );
    const oursOffset = performance.now() - t;
    t = performance.now();
    for (let off = 0; off < 6000; off += 200)
      await plain.call(CHAT_APIS.getGroupMemberInfo, {
        GroupId: DEMO_GROUP_IDS.publicLarge,
        Limit: 200,
        Offset: off,
        MemberInfoFilter: ["Role", "JoinTime", "LastSendMsgTime", "MuteUntil"],
      });
    const seq = performance.now() - t;
    const limited =
      Object.values(h.emulator.control.stats().rateLimited).reduce((a, b) => a + b, 0) -
      Object.values(before).reduce((a, b) => a + b, 0);
    rows.push({
      name: `Offset scan, 6,000-member Public (${p.pages} pages), vs sequential pages`,
      ours: oursOffset,
      baseline: seq,
      unit: "ms",
      ratio: seq / oursOffset,
      target: ">= 5x faster, 0 rate-limit errors",
      pass: p.complete && p.scanned === 6000 && seq / oursOffset >= 5 && limited === 0,
      note: `${limited} rate-limit errors`,
    });

    // 3. Overview of 1,000 groups vs sequential batches of 50 (at 100 ms, a typical cross-region round trip).
    h.emulator.control.setFaults({ latencyMs: OVERVIEW_LATENCY_MS });
    const ids = Array.from({ length: 1000 }, (_, i) => `@TGS#BENCH${String(i).padStart(4, "0")}`);
    h.emulator.control.addGroups(ids.map((id) => ({ GroupId: id, Type: "Public", memberCount: 5 })));
    t = performance.now();
    const o = structured<{ found: number }>(
      await callTool(h.client, "get_groups_overview", { group_ids: ids, include_online_count: false }),
    );
    const oursOverview = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < ids.length; i += 50)
      await plain.call(CHAT_APIS.getGroupInfo, {
        GroupIdList: ids.slice(i, i + 50),
        ResponseFilter: {
          GroupBaseInfoFilter: ["Type", "Name", "MemberNum", "Owner_Account", "MuteAllMember", "LastMsgTime"],
        },
      });
    const seqOverview = performance.now() - t;
    rows.push({
      name: "get_groups_overview, 1,000 groups (20 batches), vs sequential batches",
      ours: oursOverview,
      baseline: seqOverview,
      unit: "ms",
      ratio: seqOverview / oursOverview,
      target: ">= 10x faster",
      pass: o.found === 1000 && seqOverview / oursOverview >= 10,
    });
  } finally {
    await plain.close();
    await h.close();
  }
  return rows;
}
