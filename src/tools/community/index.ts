// Communities: their topics (each with its own messages and mutes, which the moderation tools reach with topic_id).
import type { ToolDefinition } from "../define.js";
import createTopic from "./create-topic.js";
import deleteTopic from "./delete-topic.js";
import listTopics from "./list-topics.js";
import updateTopic from "./update-topic.js";

export const COMMUNITY_TOOLS: readonly ToolDefinition[] = [
  listTopics,
  createTopic,
  updateTopic,
  deleteTopic,
] as unknown as readonly ToolDefinition[];
