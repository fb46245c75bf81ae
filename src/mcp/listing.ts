// What tools/list shows for a tool. Every conversation pays for the listing before its first question, so the
// JSON Schemas zod produces are written short: inputs in an equivalent form, outputs in a looser one (see
// compactSchema). Nothing here changes what a call accepts: the SDK validates against the zod schemas.
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { ToolDefinition } from "../tools/define.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** zod writes these bounds on every int(); JSON numbers in a tool call never reach them. */
const SAFE_INTEGER_BOUNDS: Record<string, number> = {
  minimum: Number.MIN_SAFE_INTEGER,
  maximum: Number.MAX_SAFE_INTEGER,
};

/**
 * `minLength: 0`, safe-integer bounds and a boolean's `default: false` say nothing, nor does
 * `propertyNames: {type: "string"}`. Nullable
 * fields stay `anyOf: [{type: X}, {type: "null"}]`: a type array is shorter, but clients that map schemas onto
 * a single-type dialect (Gemini's function declarations) reject it, and the Inspector's --strict check says so. Output schemas also lose `required` and `additionalProperties: false`: the server writes the
 * result (checked against the full zod schema before it leaves), a client only reads it, and a looser schema
 * accepts every result the strict one did. About a tenth of the listing.
 */
export function compactSchema(schema: Json, io: "input" | "output"): Json {
  if (Array.isArray(schema)) return schema.map((s) => compactSchema(s, io));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$schema") continue;
    // JSON object keys are strings: a record's propertyNames {type: "string"} says nothing.
    if (key === "propertyNames" && isObject(value) && value.type === "string" && Object.keys(value).length === 1)
      continue;
    if (key === "minLength" && value === 0) continue;
    // An omitted flag is false: `default: false` on a boolean says what every caller assumes.
    if (key === "default" && value === false && schema.type === "boolean") continue;
    if (key in SAFE_INTEGER_BOUNDS && value === SAFE_INTEGER_BOUNDS[key]) continue;
    if (io === "output" && (key === "required" || (key === "additionalProperties" && value === false))) continue;
    // zod writes a free-form object's values as {}; `true` says the same on purpose (linters flag a bare {}).
    if (key === "additionalProperties" && isObject(value) && Object.keys(value).length === 0) {
      out[key] = true;
      continue;
    }
    // Property names are data, not schemas: compact their values only.
    if (key === "properties" && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactSchema(v, io)]));
      continue;
    }
    out[key] = compactSchema(value, io);
  }
  return out;
}

function jsonSchemaOf(schema: z.ZodObject, io: "input" | "output"): Tool["inputSchema"] {
  const raw = z.toJSONSchema(schema, { io, target: "draft-7" }) as Json;
  return compactSchema(raw, io) as Tool["inputSchema"];
}

/** The listing entry of one tool: no annotation title (the tool's own title says it). */
export function listedTool(tool: ToolDefinition): Tool {
  const { title: _sameAsToolTitle, ...annotations } = tool.annotations;
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: jsonSchemaOf(tool.inputSchema, "input"),
    outputSchema: jsonSchemaOf(tool.outputSchema, "output"),
    annotations,
  };
}
