// Property-based arguments for every tool: the server never crashes, invalid arguments always get a
// clear isError result, and valid ones never produce a request outside the documented limits.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { ALL_TOOLS } from "../../src/tools/index.js";
import { callTool, type Harness, startHarness, textOf } from "../helpers/harness.js";

let h: Harness;
let cases = 0;
beforeAll(async () => {
  h = await startHarness({
    enableWrites: true,
    emulator: { largeGroups: false, callsPerSecond: 100_000 },
    clientOptions: { rateLimits: { default: 100_000, perApi: {} } },
  });
});
afterAll(async () => {
  console.log(`fuzz: ${cases} tool calls tried`);
  await h.close();
});

const json = fc.jsonValue({ maxDepth: 3 });
const groupId = fc.oneof(
  fc.constantFrom(...Object.values(DEMO_GROUP_IDS)),
  fc.string({ maxLength: 70 }),
  fc.constant("@TGS#_x"),
);
const anyArgs = fc.dictionary(
  fc.constantFrom(
    "group_id",
    "group_ids",
    "limit",
    "offset",
    "next_cursor",
    "timestamp",
    "mark",
    "members",
    "accounts",
    "marks",
    "action",
    "code",
    "roles",
    "text",
    "max_results",
    "max_seconds",
    "resume_cursor",
    "x",
  ),
  fc.oneof(json, groupId),
  { maxKeys: 6 },
);

describe("fuzz", () => {
  it("arbitrary arguments never crash the server and invalid ones get a clear error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL_TOOLS.map((t) => t.name)), anyArgs, async (name, args) => {
        cases++;
        const tool = ALL_TOOLS.find((t) => t.name === name)!;
        // Keep aggregate calls short; other tools get the arguments exactly as generated.
        const full = "max_seconds" in tool.inputSchema.shape ? { ...args, max_seconds: 2 } : args;
        const valid = tool.inputSchema.safeParse(full).success;
        const r = await callTool(h.client, name, full);
        const text = textOf(r);
        expect(text.length).toBeGreaterThan(0);
        if (!valid) {
          expect(r.isError).toBe(true);
          expect(text).toMatch(/Input validation error|What went wrong/);
        }
        expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // never a stack trace
      }),
      { numRuns: 300, seed: 20261123 },
    );
    // Still alive and answering.
    expect((await h.client.listTools()).tools.length).toBeGreaterThan(5);
  }, 120_000);

  it("valid arguments never send a request outside the documented limits", async () => {
    const before = h.emulator.control.stats().errorCodes;
    const role = fc.constantFrom("Owner", "Admin", "Member");
    const realGroup = fc.constantFrom(
      DEMO_GROUP_IDS.private,
      DEMO_GROUP_IDS.public,
      DEMO_GROUP_IDS.chatRoom,
      DEMO_GROUP_IDS.community,
      DEMO_GROUP_IDS.ownerless,
    );
    const validCall = fc.oneof(
      fc.record({
        name: fc.constant("get_group_info"),
        args: fc.record({
          group_ids: fc.array(
            groupId.filter((s) => /^[\x21-\x7e][\x20-\x7e]{0,63}$/.test(s.trim()) && s.trim() === s),
            { minLength: 1, maxLength: 50 },
          ),
          include_members: fc.boolean(),
        }),
      }),
      fc.record({
        name: fc.constant("get_group_member_info"),
        args: fc.record(
          {
            group_id: realGroup,
            limit: fc.integer({ min: 1, max: 100 }),
            roles: fc.option(fc.uniqueArray(role, { minLength: 1, maxLength: 3 }), { nil: undefined }),
          },
          { requiredKeys: ["group_id", "limit"] },
        ),
      }),
      fc.record({
        name: fc.constant("get_online_members"),
        args: fc.record(
          {
            group_id: fc.constantFrom(DEMO_GROUP_IDS.avChatRoom, DEMO_GROUP_IDS.avChatRoomSmall),
            mark: fc.option(fc.oneof(fc.constant(500), fc.constant(600), fc.integer({ min: 1000, max: 4294967295 })), {
              nil: undefined,
            }),
          },
          { requiredKeys: ["group_id"] },
        ),
      }),
      fc.record({
        name: fc.constant("summarize_group_members"),
        args: fc.record({ group_id: realGroup, max_members: fc.integer({ min: 1, max: 500 }) }),
      }),
      fc.record({
        name: fc.constant("find_group_members"),
        args: fc.record({
          group_id: realGroup,
          text: fc.string({ minLength: 1, maxLength: 5 }),
          max_results: fc.integer({ min: 1, max: 200 }),
        }),
      }),
      fc.record({
        name: fc.constant("set_member_marks"),
        args: fc.record({
          group_id: fc.constant(DEMO_GROUP_IDS.avChatRoomSmall),
          action: fc.constant("delete"),
          members: fc.uniqueArray(
            fc.record({
              account: fc.constantFrom(...Array.from({ length: 20 }, (_, i) => `guest_${String(i).padStart(5, "0")}`)),
              marks: fc.uniqueArray(fc.integer({ min: 1000, max: 1004 }), { minLength: 1, maxLength: 5 }),
            }),
            { minLength: 1, maxLength: 20, selector: (m) => m.account },
          ),
        }),
      }),
      fc.record({
        name: fc.constant("get_groups_overview"),
        args: fc.record({
          group_ids: fc.uniqueArray(fc.constantFrom(...Object.values(DEMO_GROUP_IDS)), { minLength: 1 }),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(validCall, async ({ name, args }) => {
        cases++;
        const r = await callTool(h.client, name, args as Record<string, unknown>);
        expect(textOf(r).length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 7 },
    );
    const after = h.emulator.control.stats().errorCodes;
    // Documented-limit and request-format errors must never have been answered.
    for (const code of ["10004", "60002", "60003", "10018"])
      expect(after[code] ?? 0, `code ${code}`).toBe(before[code] ?? 0);
  }, 120_000);
});
