// The compact listing (src/mcp/listing.ts): shorter JSON Schemas that accept what the zod schemas accept.
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compactSchema, listedTool } from "../../src/mcp/listing.js";
import { ALL_TOOLS } from "../../src/tools/index.js";

describe("compactSchema", () => {
  it("drops what says nothing and keeps nullable anyOf (portable to single-type dialects)", () => {
    const raw = z.toJSONSchema(
      z
        .object({
          n: z.number().int(),
          s: z.string().min(0).nullable(),
          flag: z.boolean().default(false),
          on: z.boolean().default(true),
          free: z.looseObject({}),
          rec: z.record(z.string(), z.string()),
        })
        .strict(),
      { io: "input", target: "draft-7" },
    );
    const c = compactSchema(raw as never, "input") as Record<string, Record<string, Record<string, unknown>>>;
    expect(c.$schema).toBeUndefined();
    expect(c.properties!.n).toEqual({ type: "integer" });
    expect(c.properties!.s).toEqual({ anyOf: [{ type: "string" }, { type: "null" }] });
    expect(c.properties!.flag).toEqual({ type: "boolean" });
    expect(c.properties!.on).toEqual({ default: true, type: "boolean" });
    expect(c.properties!.free!.additionalProperties).toBe(true);
    expect(c.properties!.rec).toEqual({ type: "object", additionalProperties: { type: "string" } });
    // Inputs keep their contract: required fields and no unknown arguments.
    expect(c.additionalProperties).toBe(false);
    expect(c.required).toEqual(expect.arrayContaining(["n", "s", "free", "rec"]));
  });

  it("treats property names as data: a property called minLength or required is kept", () => {
    const raw = { type: "object", properties: { minLength: { type: "number" }, required: { type: "boolean" } } };
    expect(compactSchema(raw, "output")).toEqual(raw);
  });

  it("outputs lose required and additionalProperties: false, and still accept what the tool returns", () => {
    const raw = z.toJSONSchema(z.object({ a: z.string(), b: z.number().optional() }), {
      io: "output",
      target: "draft-7",
    });
    expect(compactSchema(raw as never, "output")).toEqual({
      type: "object",
      properties: { a: { type: "string" }, b: { type: "number" } },
    });
  });

  it("every tool's listed schemas compile, and each input schema rejects unknown arguments", () => {
    // The validator MCP clients of the SDK use on listed schemas.
    const validator = new AjvJsonSchemaValidator();
    for (const t of ALL_TOOLS) {
      const l = listedTool(t);
      const input = validator.getValidator(l.inputSchema as never);
      validator.getValidator(l.outputSchema as never);
      expect(input({ __unknown__: 1 }).valid, t.name).toBe(false);
    }
  });
});
