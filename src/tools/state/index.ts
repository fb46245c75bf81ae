// Group state: attributes (text key-value pairs) and counters (integers) an app keeps on a group.
import type { ToolDefinition } from "../define.js";
import clearGroupAttributes from "./clear-group-attributes.js";
import deleteGroupCounters from "./delete-group-counters.js";
import getGroupAttributes from "./get-group-attributes.js";
import getGroupCounters from "./get-group-counters.js";
import setGroupAttributes from "./set-group-attributes.js";
import updateGroupCounters from "./update-group-counters.js";

export const STATE_TOOLS: readonly ToolDefinition[] = [
  getGroupAttributes,
  setGroupAttributes,
  clearGroupAttributes,
  getGroupCounters,
  updateGroupCounters,
  deleteGroupCounters,
] as unknown as readonly ToolDefinition[];
