// server.json, the MCP Registry entry: generated from package.json and the option table (npm run gen), and
// valid under the registry's published schema (2025-12-11). The rules it relies on are encoded below from
// the schema's documentation; when a copy of the schema itself is in ../shared/reference/ it is used too.
import { existsSync, readFileSync } from "node:fs";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { renderServerJson, SERVER_JSON_SCHEMA } from "../../scripts/generated-docs.js";
import { CONFIG_OPTIONS } from "../../src/config/options.js";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const serverJson = readFileSync("server.json", "utf8");
const entry = JSON.parse(serverJson);

// The registry schema's constraints on the fields this entry uses (a version range or "latest" is refused).
const NotARange = z
  .string()
  .min(1)
  .max(255)
  .refine((v) => v !== "latest" && !/^[\^~><=]|\.x$|\*/.test(v), "a specific version");
const Input = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    isRequired: z.boolean().optional(),
    isSecret: z.boolean().optional(),
    format: z.enum(["string", "number", "boolean", "filepath"]).optional(),
    default: z.string().optional(),
    choices: z.array(z.string()).optional(),
  })
  .strict();
const RegistryEntry = z
  .object({
    $schema: z.string(),
    name: z
      .string()
      .min(3)
      .max(200)
      .regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/),
    title: z.string().max(100).optional(),
    description: z.string().min(1).max(100),
    version: NotARange,
    packages: z.array(
      z
        .object({
          registryType: z.enum(["npm", "pypi", "oci", "nuget", "mcpb"]),
          identifier: z.string().min(1),
          version: NotARange,
          transport: z.object({ type: z.literal("stdio") }).strict(),
          environmentVariables: z.array(Input),
        })
        .strict(),
    ),
  })
  .strict();

describe("server.json (MCP Registry)", () => {
  it("is generated from package.json and the option table (run npm run gen)", () => {
    expect(renderServerJson(pkg)).toBe(serverJson);
  });

  it("follows the newest released registry schema", () => {
    expect(entry.$schema).toBe(SERVER_JSON_SCHEMA);
    expect(RegistryEntry.safeParse(entry).error?.issues ?? []).toEqual([]);
    // The schema file itself, where the steering repo's shared/ carries a copy.
    const official = "../shared/reference/server.schema.json";
    if (existsSync(official)) {
      const validate = new AjvJsonSchemaValidator().getValidator(JSON.parse(readFileSync(official, "utf8")));
      expect(validate(entry).errorMessage).toBeUndefined();
    }
  });

  it("names the npm package it describes: mcpName, name and version agree", () => {
    expect(entry.name).toBe(pkg.mcpName);
    expect(entry.version).toBe(pkg.version);
    expect(entry.packages).toEqual([
      expect.objectContaining({ registryType: "npm", identifier: pkg.name, version: pkg.version }),
    ]);
  });

  it("lists every environment variable, the secrets as secrets, the SDKAppID as required", () => {
    const vars = new Map(
      (entry.packages[0].environmentVariables as z.infer<typeof Input>[]).map((v) => [v.name, v] as const),
    );
    for (const o of CONFIG_OPTIONS.filter((x) => x.env)) {
      expect(vars.get(o.env!), o.env).toBeDefined();
      expect(vars.get(o.env!)?.isSecret, o.env).toBe(o.secret === true);
    }
    expect(vars.get("TENCENT_CHAT_SECRET_KEY")?.isSecret).toBe(true);
    expect(vars.get("TENCENT_CHAT_SDKAPPID")?.isRequired).toBe(true);
    // Demo mode works without anything: nothing else is required.
    expect([...vars.values()].filter((v) => v.isRequired).map((v) => v.name)).toEqual(["TENCENT_CHAT_SDKAPPID"]);
  });
});
