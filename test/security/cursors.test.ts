// Resume cursors are signed: an edited cursor cannot report invented counts, a cursor cannot be moved to
// another group, and any replica of the same app (same secret) accepts another's cursors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorCodec, deriveCursorKey } from "../../src/aggregate/resume-cursor.js";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

const GROUP = "@TGS#_cursor_3k";
let h: Harness;
let replica: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.emulator.control.addGroups([{ GroupId: GROUP, Type: "Community", memberCount: 3000 }]);
  replica = await startHarness({ sharedEmulator: h.emulator });
});
afterAll(async () => {
  await replica.close();
  await h.close();
});

async function partial(): Promise<{ scanned: number; resume_cursor: string }> {
  const d = structured<{ scanned: number; resume_cursor: string; complete: boolean }>(
    await callTool(h.client, "summarize_group_members", { group_id: GROUP, max_members: 1000 }),
  );
  expect(d.complete).toBe(false);
  return d;
}

/** The cursor with its JSON payload edited by `change`, the signature kept. */
function edited(cursor: string, change: (env: { state: Record<string, unknown> }) => void): string {
  const [payload, tag] = cursor.split(".");
  const env = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"));
  change(env);
  return `${Buffer.from(JSON.stringify(env)).toString("base64url")}.${tag}`;
}

describe("signed resume cursors", () => {
  it("an edited cursor (invented counts) is refused before any request", async () => {
    const { resume_cursor } = await partial();
    const before = h.emulator.control.totalCalls();
    const forged = edited(resume_cursor, (env) => {
      env.state.scanned = 123456;
      (env.state.byRole as Record<string, number>).Owner = -1;
    });
    const r = await callTool(h.client, "summarize_group_members", { group_id: GROUP, resume_cursor: forged });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/not a cursor this server issued/);
    expect(textOf(r)).not.toMatch(/123456/);
    expect(h.emulator.control.totalCalls()).toBe(before);
  });

  it("a cursor rebound to another group is refused", async () => {
    const { resume_cursor } = await partial();
    const r = await callTool(h.client, "summarize_group_members", {
      group_id: DEMO_GROUP_IDS.community100k,
      resume_cursor,
    });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/belongs to another call/);
  });

  it("another replica of the same app continues the scan to the exact totals", async () => {
    const first = await partial();
    const rest = structured<{ complete: boolean; scanned: number; as_of: string }>(
      await callTool(replica.client, "summarize_group_members", {
        group_id: GROUP,
        resume_cursor: first.resume_cursor,
      }),
    );
    expect(rest.complete).toBe(true);
    expect(rest.scanned).toBe(3000);
  });

  it("a key from another secret, a missing or cut signature, and garbage are all refused", () => {
    const a = cursorCodec(deriveCursorKey("secret-a"));
    const b = cursorCodec(deriveCursorKey("secret-b"));
    const env = { tool: "t", bind: "x", pos: { kind: "offset" as const, offset: 0 }, skip: 0, state: { n: 1 } };
    const c = a.encode(env);
    const S = z.object({ n: z.number() });
    expect(a.decode(c, "t", "x", S).state.n).toBe(1);
    for (const bad of [c.split(".")[0]!, c.slice(0, -3), `${c}x`, "", "...", "garbage!"])
      expect(() => a.decode(bad, "t", "x", S)).toThrow(/not a cursor this server issued/);
    expect(() => b.decode(c, "t", "x", S)).toThrow(/not a cursor this server issued/);
  });
});
