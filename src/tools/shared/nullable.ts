// Nullable output fields as anyOf [{type}, {type: "null"}] rather than a type array: zod renders
// `.nullable()` of a bare primitive as `"type": ["string","null"]`, which some clients' schema dialects
// reject (the MCP Inspector's --strict flags it). A no-op check (min 0) keeps zod from merging the branches.
import { z } from "zod";

export const StringOrNull = z.union([z.string().min(0), z.null()]);
export const NumberOrNull = z.union([z.number().min(Number.MIN_SAFE_INTEGER), z.null()]);
