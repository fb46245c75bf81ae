// Live state kept on a group: attributes (text key-value pairs) and counters (integers).
import type { CallOptions } from "../api.js";
import { CHAT_APIS } from "../apis/index.js";
import { ChatApiError } from "../errors.js";
import { Ops } from "./base.js";

/** Unknown service (60009) or command (10003): the attribute writes live under the other service. */
const ELSEWHERE = new Set([60009, 10003]);

export class StateOps extends Ops {
  async attributes(groupId: string, opts?: CallOptions): Promise<Record<string, string>> {
    const res = await this.caller.call(CHAT_APIS.getGroupAttr, { GroupId: groupId }, opts);
    return Object.fromEntries(res.GroupAttrAry.map((a) => [a.key, a.value]));
  }

  /** Merges attributes in ("merge", modify_group_attr) or replaces them all ("replace", set_group_attr). */
  async setAttributes(
    groupId: string,
    attrs: Record<string, string>,
    how: "merge" | "replace",
    opts?: CallOptions,
  ): Promise<void> {
    const body = { GroupId: groupId, GroupAttr: Object.entries(attrs).map(([key, value]) => ({ key, value })) };
    const [first, other] =
      how === "merge"
        ? [CHAT_APIS.modifyGroupAttr, CHAT_APIS.modifyGroupAttrAlt]
        : [CHAT_APIS.setGroupAttr, CHAT_APIS.setGroupAttrAlt];
    await this.eitherService(
      () => this.caller.call(first, body, opts),
      () => this.caller.call(other, body, opts),
    );
  }

  async clearAttributes(groupId: string, opts?: CallOptions): Promise<void> {
    await this.eitherService(
      () => this.caller.call(CHAT_APIS.clearGroupAttr, { GroupId: groupId }, opts),
      () => this.caller.call(CHAT_APIS.clearGroupAttrAlt, { GroupId: groupId }, opts),
    );
  }

  async counters(groupId: string, keys?: readonly string[], opts?: CallOptions): Promise<Record<string, number>> {
    const res = await this.caller.call(
      CHAT_APIS.getGroupCounter,
      { GroupId: groupId, ...(keys?.length ? { GroupCounterKeys: [...keys] } : {}) },
      opts,
    );
    return Object.fromEntries(res.GroupCounter.map((c) => [c.Key, c.Value]));
  }

  /** Sets, increases or decreases counters (a missing key starts at 0); the new values. */
  async updateCounters(
    groupId: string,
    counters: Record<string, number>,
    mode: "Set" | "Increase" | "Decrease",
    opts?: CallOptions,
  ): Promise<Record<string, number>> {
    const res = await this.caller.call(
      CHAT_APIS.updateGroupCounter,
      { GroupId: groupId, GroupCounter: Object.entries(counters).map(([Key, Value]) => ({ Key, Value })), Mode: mode },
      opts,
    );
    return Object.fromEntries(res.GroupCounter.map((c) => [c.Key, c.Value]));
  }

  async deleteCounters(groupId: string, keys: readonly string[], opts?: CallOptions): Promise<void> {
    await this.caller.call(CHAT_APIS.deleteGroupCounter, { GroupId: groupId, GroupCounterKeys: [...keys] }, opts);
  }

  /** The pages' service first; the other only when the first does not know the command (docs/drift.md). */
  private async eitherService(first: () => Promise<unknown>, other: () => Promise<unknown>): Promise<void> {
    try {
      await first();
    } catch (err) {
      if (!(err instanceof ChatApiError) || !ELSEWHERE.has(err.code)) throw err;
      await other();
    }
  }
}
