// tools/list output per tool, committed under __toolsnaps__: an interface change must be deliberate.
// Update with UPDATE_TOOLSNAPS=1 npx vitest run test/meta/snapshots.test.ts; CI never writes them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";

const DIR = "test/meta/__toolsnaps__";
const UPDATE = process.env.UPDATE_TOOLSNAPS === "1" && !process.env.CI;
let h: Harness;
let tools: { name: string }[] = [];

beforeAll(async () => {
  h = await startHarness({ enableWrites: true });
  tools = (await h.client.listTools()).tools;
});
afterAll(() => h.close());

describe("tool schema snapshots", () => {
  it("every listed tool has a committed snapshot that matches", () => {
    if (UPDATE) mkdirSync(DIR, { recursive: true });
    expect(tools.length).toBeGreaterThanOrEqual(11);
    for (const tool of tools) {
      const file = `${DIR}/${tool.name}.json`;
      const current = `${JSON.stringify(tool, null, 2)}\n`;
      if (UPDATE) writeFileSync(file, current);
      expect(existsSync(file), `missing snapshot ${file}: run with UPDATE_TOOLSNAPS=1`).toBe(true);
      expect(readFileSync(file, "utf8"), `${tool.name} schema changed: update its snapshot deliberately`).toBe(current);
    }
  });
});
