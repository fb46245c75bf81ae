import { readFileSync } from "node:fs";
import { type ParseError, parse } from "jsonc-parser";

const DIR = new URL("../fixtures/docs/", import.meta.url);

/** Parses a docs example the way the docs show it (comments, trailing commas). */
export function docFixture<T = Record<string, unknown>>(name: string): T {
  const errors: ParseError[] = [];
  const value = parse(readFileSync(new URL(name, DIR), "utf8"), errors, {
    allowTrailingComma: true,
    disallowComments: false,
  });
  if (errors.length > 0) throw new Error(`fixture ${name} did not parse: ${JSON.stringify(errors)}`);
  return value as T;
}

/** The JSON "shape" of a value: keys and JSON types, recursively (first element of arrays). */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value === null) return "null";
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) out[k] = shapeOf((value as Record<string, unknown>)[k]);
    return out;
  }
  return typeof value;
}
