// Group attributes and counters through a real MCP client: state read back through the read tools and the
// emulator, limits refused before any request, dry runs that send nothing, and the doc variants (where the
// attribute writes are served, which types have counters) answered right under each reading.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clubGroupId, DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ enableWrites: true });
});
afterAll(() => h.close());

const L = DEMO_GROUP_IDS.avChatRoomSmall;
const P = DEMO_GROUP_IDS.public;
const calls = (hh: Harness, api: string) =>
  hh.emulator.control.stats().calls[`${hh.emulator.credentials.sdkAppId}:${api}`] ?? 0;
const tokenOf = (r: Awaited<ReturnType<typeof callTool>>) => structured<{ confirm_token: string }>(r).confirm_token;

describe("group attributes", () => {
  it("merges, replaces with a dry run showing the resulting set, and clears behind a token", async () => {
    await callTool(h.client, "set_group_attributes", { group_id: L, attributes: { seat1: "alice", seat2: "bob" } });
    const merged = await callTool(h.client, "set_group_attributes", { group_id: L, attributes: { seat2: "carol" } });
    expect(structured(merged)).toMatchObject({ after: { seat1: "alice", seat2: "carol" } });
    const read = await callTool(h.client, "get_group_attributes", { group_id: L });
    expect(textOf(read)).toBe(`${L} has 2 attributes: {"seat1":"alice","seat2":"carol"}`);
    const before = calls(h, "set_group_attr");
    const dry = await callTool(h.client, "set_group_attributes", {
      group_id: L,
      attributes: { scene: "quiz" },
      replace_all: true,
      dry_run: true,
    });
    expect(textOf(dry)).toMatch(/the attributes would be \{"scene":"quiz"\}/);
    expect(calls(h, "set_group_attr")).toBe(before);
    await callTool(h.client, "set_group_attributes", {
      group_id: L,
      attributes: { scene: "quiz" },
      replace_all: true,
      confirm_token: tokenOf(dry),
    });
    expect([...h.emulator.control.group(L)!.attrs]).toEqual([["scene", "quiz"]]);
    const bare = await callTool(h.client, "clear_group_attributes", { group_id: L });
    expect(textOf(bare)).toMatch(/Confirmation needed: clearing removes every attribute at once/);
    const cdry = await callTool(h.client, "clear_group_attributes", { group_id: L, dry_run: true });
    expect(textOf(cdry)).toMatch(/Would remove all 1 attributes .*\{"scene":"quiz"\}/);
    await callTool(h.client, "clear_group_attributes", { group_id: L, confirm_token: tokenOf(cdry) });
    expect(h.emulator.control.group(L)!.attrs.size).toBe(0);
  });

  it("refuses a 33-byte key, a 17th attribute and Communities for clear before sending", async () => {
    const sent = calls(h, "modify_group_attr");
    const key = await callTool(h.client, "set_group_attributes", {
      group_id: P,
      attributes: { ["k".repeat(33)]: "v" },
    });
    expect(textOf(key)).toMatch(/a key is at most 32 bytes/);
    const sixteen = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, "v"]));
    await callTool(h.client, "set_group_attributes", { group_id: P, attributes: sixteen });
    const more = await callTool(h.client, "set_group_attributes", { group_id: P, attributes: { k99: "v" } });
    expect(textOf(more)).toMatch(/would have 17 attributes; at most 16/);
    expect(calls(h, "modify_group_attr")).toBe(sent + 1);
    const comm = await callTool(h.client, "clear_group_attributes", {
      group_id: DEMO_GROUP_IDS.community,
      dry_run: true,
    });
    expect(textOf(comm)).toMatch(/clear_group_attr does not serve Communities/);
  });

  it("where the writes live under group_open_attr_http_svc, the write tries the pages' service, then that one", async () => {
    const other = await startHarness({
      enableWrites: true,
      emulator: { attrWriteService: "group_open_attr_http_svc" },
    });
    try {
      const r = await callTool(other.client, "set_group_attributes", { group_id: L, attributes: { a: "1" } });
      expect(structured(r)).toMatchObject({ after: { a: "1" } });
      expect(calls(other, "modify_group_attr")).toBe(1);
      expect(calls(other, "modify_group_attr_attrsvc")).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe("group counters", () => {
  it("sets, increases and decreases; a missing key starts at 0; get and delete read them back", async () => {
    const set = await callTool(h.client, "update_group_counters", {
      group_id: L,
      counters: { like: 5, gift: 1 },
      mode: "set",
    });
    expect(structured(set)).toMatchObject({ after: { like: 5, gift: 1 } });
    const inc = await callTool(h.client, "update_group_counters", {
      group_id: L,
      counters: { like: 3, share: 2 },
      mode: "increase",
    });
    expect(structured(inc)).toMatchObject({ before: { like: 5 }, after: { like: 8, share: 2 } });
    await callTool(h.client, "update_group_counters", { group_id: L, counters: { gift: 4 }, mode: "decrease" });
    const got = await callTool(h.client, "get_group_counters", { group_id: L, keys: ["like", "gift", "none"] });
    expect(structured(got)).toMatchObject({ counters: { like: 8, gift: -3 }, missing: ["none"] });
    expect(textOf(got)).toMatch(/not set: "none"/);
    const del = await callTool(h.client, "delete_group_counters", { group_id: L, keys: ["share"] });
    expect(structured(del)).toMatchObject({ deleted: { share: 2 } });
    expect(h.emulator.control.group(L)!.counters.has("share")).toBe(false);
  });

  it("refuses a 21st counter and a topic-enabled Community before sending; a Community without topics follows the doc variant", async () => {
    const keys = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`c${i}`, i]));
    await callTool(h.client, "update_group_counters", { group_id: P, counters: keys, mode: "set" });
    const sent = calls(h, "update_group_counter");
    const more = await callTool(h.client, "update_group_counters", { group_id: P, counters: { c99: 1 }, mode: "set" });
    expect(textOf(more)).toMatch(/would have 21 counters; at most 20/);
    const topics = await callTool(h.client, "update_group_counters", {
      group_id: DEMO_GROUP_IDS.community,
      counters: { x: 1 },
      mode: "set",
    });
    expect(textOf(topics)).toMatch(/is a Community with topics: it has no group counters/);
    expect(calls(h, "update_group_counter")).toBe(sent);
    // A Community without topics: the REST pages say no (10007, explained); the SDK guide's reading serves it.
    const plain = clubGroupId(3);
    const refused = await callTool(h.client, "update_group_counters", {
      group_id: plain,
      counters: { x: 1 },
      mode: "set",
    });
    expect(textOf(refused)).toMatch(/10007/);
    expect(textOf(refused)).toMatch(/group attributes \(set_group_attributes\)/);
    const sdk = await startHarness({ enableWrites: true, emulator: { counterTypes: "no-topic-community" } });
    try {
      const r = await callTool(sdk.client, "update_group_counters", {
        group_id: plain,
        counters: { x: 1 },
        mode: "set",
      });
      expect(structured(r)).toMatchObject({ after: { x: 1 } });
    } finally {
      await sdk.close();
    }
  });
});
