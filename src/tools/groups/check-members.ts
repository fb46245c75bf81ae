import { z } from "zod";
import { budgetCallOptions, budgetSignal, makeBudget } from "../../aggregate/budget.js";
import { chunksOf, mapConcurrent } from "../../aggregate/pool.js";
import { routeGroup } from "../../aggregate/route.js";
import { asUpstreamFailure } from "../../aggregate/upstream.js";
import type { CallOptions } from "../../chat/api.js";
import { ROLES_PER_CALL } from "../../chat/apis/get-role-in-group.js";
import { LIVE_CHECK_PER_CALL } from "../../chat/apis/live-admins.js";
import { sanitizeText } from "../../core/sanitize.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { MaxSecondsParam } from "../shared/budget-params.js";
import { NumberOrNull } from "../shared/nullable.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { quoteId, quoteIds } from "../shared/quote.js";

const CONCURRENCY = 4;

const Failed = z.object({
  accounts: z.number(),
  code: NumberOrNull,
  retryable: z.boolean(),
  meaning: z.string(),
});

export default defineTool({
  name: "check_members",
  title: "Check which accounts are in a group",
  description:
    "Which of up to 10,000 accounts belong to a group, and with which role (REST get_role_in_group, 500 per request). " +
    "AVChatRoom: presence only (REST group_open_avchatroom_http_svc/check_members, 100 per request).",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      accounts: z.array(AccountParam).min(1).max(10_000),
      max_listed: z.number().int().min(0).max(10_000).default(200).describe("Members and non-members listed, each."),
      max_seconds: MaxSecondsParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    live_group: z.boolean().optional(),
    checked: z.number(),
    by_role: z.object({ Owner: z.number(), Admin: z.number(), Member: z.number(), NotMember: z.number() }),
    other_roles: z.number().optional(),
    members: z.array(z.object({ account: z.string(), role: z.string() })),
    members_truncated: z.boolean(),
    not_members: z.array(z.string()),
    not_members_truncated: z.boolean(),
    complete: z.boolean(),
    failed: z.array(Failed).optional(),
    unchecked_accounts: z.array(z.string()).optional(),
  }),
  annotations: readOnlyAnnotations("Check which accounts are in a group"),
  async handler(args, ctx) {
    const accounts = [...new Set(args.accounts)];
    // Live groups have no roles to look up: their own check tells presence, beyond the 1,000-member online list.
    const live = (await routeGroup(ctx.chat, args.group_id, { signal: ctx.signal })).type === "AVChatRoom";
    const chunks = chunksOf(accounts, live ? LIVE_CHECK_PER_CALL : ROLES_PER_CALL);
    const lookup = async (chunk: string[], opts: CallOptions) => {
      if (!live) return ctx.chat.roles(args.group_id, chunk, opts);
      const inGroup = await ctx.chat.liveMembersAmong(args.group_id, chunk, opts);
      return chunk.map((account) => ({ account, role: inGroup.has(account) ? "Member" : "NotMember" }));
    };
    const budget = makeBudget(args.max_seconds, accounts.length, ctx.signal);
    const signal = budgetSignal(budget);
    let done = 0;
    const results = await mapConcurrent(chunks, CONCURRENCY, async (chunk) => {
      try {
        return { chunk, roles: await lookup(chunk, budgetCallOptions(budget, signal)) };
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        return { chunk, error: err };
      } finally {
        done++;
        await ctx.progress({ progress: done, total: chunks.length, message: `${done}/${chunks.length} requests` });
      }
    });
    // Every request failed: nothing to keep, the first failure says why (an AVChatRoom's 10007 names the alternative).
    const firstError = results.find((r) => "error" in r)?.error;
    if (results.every((r) => "error" in r)) throw firstError;

    const byRole = { Owner: 0, Admin: 0, Member: 0, NotMember: 0 };
    let otherRoles = 0;
    const members: { account: string; role: string }[] = [];
    const notMembers: string[] = [];
    let memberCount = 0;
    let checked = 0;
    const failed: z.infer<typeof Failed>[] = [];
    const unchecked: string[] = [];
    for (const r of results) {
      if ("error" in r) {
        const f = asUpstreamFailure(r.error);
        if (!f) throw r.error;
        failed.push({ accounts: r.chunk.length, code: f.code, retryable: f.retryable, meaning: f.meaning });
        unchecked.push(...r.chunk);
        continue;
      }
      for (const { account, role } of r.roles ?? []) {
        checked++;
        if (role in byRole) byRole[role as keyof typeof byRole]++;
        else otherRoles++;
        if (role === "NotMember") {
          if (notMembers.length < args.max_listed) notMembers.push(sanitizeText(account, 64));
        } else {
          memberCount++;
          if (members.length < args.max_listed)
            members.push({ account: sanitizeText(account, 64), role: sanitizeText(role, 20) });
        }
      }
    }
    const data = {
      group_id: args.group_id,
      ...(live ? { live_group: true } : {}),
      checked,
      by_role: byRole,
      ...(otherRoles ? { other_roles: otherRoles } : {}),
      members,
      members_truncated: memberCount > members.length,
      not_members: notMembers,
      not_members_truncated: byRole.NotMember > notMembers.length,
      complete: failed.length === 0,
      ...(failed.length ? { failed, unchecked_accounts: unchecked } : {}),
    };
    // Listed in the order of the caller's accounts, up to max_listed each; the same call with a larger
    // max_listed lists the rest.
    const listAll = { ...args, max_listed: Math.min(10_000, Math.max(memberCount, byRole.NotMember)) };
    const truncated = data.members_truncated || data.not_members_truncated;
    const lines = [
      live
        ? `${args.group_id} (live group): of ${checked} accounts checked, ${byRole.Member} are in it, ${byRole.NotMember} are not (presence, refreshed every 40 s; roles are not told: get_live_admins).`
        : `${args.group_id}: of ${checked} accounts checked, ${byRole.Owner} owner, ${byRole.Admin} admins, ${byRole.Member} members, ${byRole.NotMember} not members${otherRoles ? `, ${otherRoles} with another role` : ""}.`,
      members.length
        ? `${live ? "In the group" : "Members"}${data.members_truncated ? ` (the first ${members.length} of ${memberCount})` : ""}: ${members.map((m) => (live ? quoteId(m.account) : `${quoteId(m.account)} (${m.role})`)).join(", ")}.`
        : "",
      notMembers.length
        ? `Not members${data.not_members_truncated ? ` (the first ${notMembers.length} of ${byRole.NotMember})` : ""}: ${quoteIds(notMembers)}.`
        : "",
      truncated ? `To list them all, call check_members with ${JSON.stringify(listAll)}` : "",
    ];
    if (failed.length) {
      const retry = failed.some((f) => f.retryable);
      lines.push(
        `${unchecked.length} accounts were not checked: ${failed[0]!.meaning}${retry ? " A retry can fix this:" : ""} call check_members with ${JSON.stringify({ group_id: args.group_id, accounts: unchecked })}`,
      );
    }
    return { data, text: lines.filter(Boolean).join("\n") };
  },
});
