// Tools that page on the server side and return summaries (toolset "aggregate").
import type { ToolDefinition } from "./define.js";

export const AGGREGATE_TOOLS: readonly ToolDefinition[] = [];
