import { z } from "zod";
import { chunksOf } from "../../aggregate/pool.js";
import { NOTICE_RECIPIENTS_PER_CALL } from "../../chat/apis/send-group-system-notification.js";
import { describeFailure } from "../../chat/error-codes.js";
import { ChatInputError } from "../../chat/errors.js";
import { defineTool } from "../define.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { quoteIds } from "../shared/quote.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { AUDIENCE_CONFIRM_ABOVE, audienceConfirmation, postingFacts } from "./audience.js";

export default defineTool({
  name: "send_group_notice",
  title: "Send a system notice to a group",
  description:
    "Sends an online-only system notice to every member, or to named members (not AVChatRoom), of a group (REST " +
    `send_group_system_notification; new apps may lack it: then use send_group_message). To more than ${AUDIENCE_CONFIRM_ABOVE} members a dry run's confirm_token is required. Audited.`,
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      text: z.string().min(1).max(4000),
      accounts: z
        .array(AccountParam)
        .min(1)
        .max(500)
        .refine((a) => new Set(a).size === a.length, "each account may appear only once")
        .optional()
        .describe("Only these members."),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    to: z.union([z.literal("everyone"), z.array(z.string())]),
    requests: z.number(),
    not_sent: z.array(z.string()).optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Send a system notice to a group", false, false),
  async handler(args, ctx) {
    const accounts = args.accounts ?? [];
    const chunks = accounts.length ? chunksOf(accounts, NOTICE_RECIPIENTS_PER_CALL) : [undefined];
    const r = await runSingleWrite(ctx, {
      tool: "send_group_notice",
      groupId: args.group_id,
      args,
      async check() {
        const facts = await postingFacts(ctx, args.group_id, accounts, "accounts");
        if (accounts.length && facts.type === "AVChatRoom")
          throw new ChatInputError(
            "accounts",
            "Live groups (AVChatRoom) take notices to everyone only.",
            undefined,
            "Leave accounts out to notify everyone.",
          );
        return facts;
      },
      intent: (f) => {
        const always = accounts.length ? undefined : audienceConfirmation(f);
        return {
          kind: "messages",
          count: chunks.length,
          ...(always ? { always } : {}),
          summary: `send_group_notice to ${accounts.length ? quoteIds(accounts) : "everyone"} in ${args.group_id} ("${f.name}"): ${JSON.stringify(args.text)} (REST send_group_system_notification)`,
        };
      },
      request: () => ({
        api: "send_group_system_notification",
        body: {
          GroupId: args.group_id,
          Content: args.text,
          ...(accounts.length ? { ToMembers_Account: accounts } : {}),
        },
      }),
      async send() {
        // Recipients go 50 a request; each member gets the notice once. A failed request never hides the
        // ones before it: the call fails only when nothing was sent.
        let sent = 0;
        for (const c of chunks) {
          try {
            await ctx.chat.notice(args.group_id, args.text, c, { signal: ctx.signal });
            sent++;
          } catch (err) {
            if (sent === 0 || ctx.signal.aborted) throw err;
            const d = describeFailure(err);
            return {
              requests: sent,
              notSent: accounts.slice(sent * NOTICE_RECIPIENTS_PER_CALL),
              why: `${d.meaning} ${d.nextStep}`,
            };
          }
        }
        return { requests: sent, why: "", notSent: undefined as string[] | undefined };
      },
    });
    const to = accounts.length ? accounts : ("everyone" as const);
    const who = accounts.length ? quoteIds(accounts) : `everyone (${r.facts.memberNum ?? "unknown"} members)`;
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, to, requests: chunks.length, confirm_token: r.token },
        text: `Dry run, nothing was sent. Would notify ${who} in ${args.group_id} with send_group_system_notification ${JSON.stringify({ GroupId: args.group_id, Content: args.text })}${accounts.length ? ` and ToMembers_Account ${chunks.length === 1 ? "= these accounts" : `in ${chunks.length} requests of at most ${NOTICE_RECIPIENTS_PER_CALL}`}` : ""}.\n${confirmLine(r.token)}`,
      };
    const res = r.result;
    if ("notSent" in res && res.notSent)
      return {
        data: { group_id: args.group_id, dry_run: false, to, requests: res.requests, not_sent: res.notSent },
        text: `Notice sent in ${res.requests} of ${chunks.length} requests to ${args.group_id}; NOT sent to ${quoteIds(res.notSent)}: ${res.why} To finish, call send_group_notice with ${JSON.stringify({ group_id: args.group_id, text: args.text, accounts: res.notSent })}`,
      };
    return {
      data: { group_id: args.group_id, dry_run: false, to, requests: res.requests },
      text: `Notice sent to ${who} in ${args.group_id} (online members only; notices are not stored).`,
    };
  },
});
