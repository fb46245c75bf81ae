// The online counts of many live groups and Communities at once (the overview, list_groups): one call per
// group through the type's own API, a few at a time. A failed count is left out, the rows stand without it;
// a cancelled call still throws.
import type { CallOptions } from "../chat/api.js";
import type { ChatGroups } from "../chat/groups.js";
import { mapConcurrent } from "./pool.js";

export async function onlineCounts(
  chat: ChatGroups,
  groups: readonly { id: string; type: string }[],
  concurrency: number,
  opts: CallOptions,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await mapConcurrent(groups, concurrency, async (g) => {
    try {
      out.set(g.id, await chat.onlineCount(g.id, g.type === "AVChatRoom" ? "AVChatRoom" : "Community", opts));
    } catch (err) {
      if (opts.signal?.aborted) throw err;
    }
  });
  return out;
}
