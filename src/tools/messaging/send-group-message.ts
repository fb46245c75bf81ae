import { randomInt } from "node:crypto";
import { z } from "zod";
import { MESSAGE_MAX_BYTES } from "../../chat/apis/send-group-msg.js";
import { ChatHttpError, ChatNetworkError, WriteOutcomeUnknownError } from "../../chat/errors.js";
import { sanitizeText } from "../../core/sanitize.js";
import { defineTool } from "../define.js";
import { AccountParam, GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";
import { runSingleWrite } from "../shared/single-write.js";
import { requireTopic, TopicParam, topicPhrase } from "../shared/topic.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { AUDIENCE_CONFIRM_ABOVE, audienceConfirmation, postingFacts } from "./audience.js";

export default defineTool({
  name: "send_group_message",
  title: "Post a message to a group",
  description:
    "Posts a text message to a group of any type (REST send_group_msg), as the admin or a member; returns its msg_seq. " +
    `Never posts twice on a retry. To more than ${AUDIENCE_CONFIRM_ABOVE} members a dry run's confirm_token is required. Audited.`,
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      topic_id: TopicParam.optional(),
      text: z
        .string()
        .min(1)
        .refine((t) => Buffer.byteLength(t) <= MESSAGE_MAX_BYTES, `a message is at most ${MESSAGE_MAX_BYTES} bytes`),
      from_account: AccountParam.optional().describe("Default: the admin."),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict(),
  outputSchema: z.object({
    group_id: z.string(),
    topic_id: z.string().optional(),
    dry_run: z.boolean(),
    from_account: z.string(),
    members: z.number().optional(),
    msg_seq: z.number().optional(),
    msg_time: z.number().optional(),
    dropped: z.string().optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Post a message to a group", false, false),
  async handler(args, ctx) {
    // One Random for the whole call: every retry of the request carries it, and Tencent drops a repeat
    // within five minutes, so a request retried after a lost answer cannot post a second copy.
    const random = randomInt(0, 2 ** 32);
    const from = args.from_account;
    const r = await runSingleWrite(ctx, {
      tool: "send_group_message",
      groupId: args.group_id,
      args,
      async check() {
        const topic = args.topic_id ? await requireTopic(ctx, args.group_id, args.topic_id) : undefined;
        return { ...(await postingFacts(ctx, args.group_id, from ? [from] : [], "from_account")), topic };
      },
      intent: (f) => ({
        kind: "messages",
        count: 1,
        always: audienceConfirmation(f),
        summary: `send_group_message to ${args.group_id} ("${f.name}", ${f.memberNum ?? "?"} members)${topicPhrase(f.topic)}${from ? ` as ${quoteId(from)}` : ""}: ${JSON.stringify(args.text)} (REST send_group_msg)`,
      }),
      request: (f) => ({
        api: "send_group_msg",
        body: {
          GroupId: args.group_id,
          ...(f.topic ? { TopicId: f.topic.topicId } : {}),
          Random: random,
          ...(from ? { From_Account: from } : {}),
          MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: args.text } }],
        },
      }),
      async send(f) {
        try {
          return await ctx.chat.send(
            { groupId: args.group_id, topicId: f.topic?.topicId, text: args.text, ...(from ? { from } : {}), random },
            { signal: ctx.signal },
          );
        } catch (err) {
          // The request went out and no answer came back, even after retries with the same Random.
          if (err instanceof ChatNetworkError || (err instanceof ChatHttpError && err.status >= 500))
            throw new WriteOutcomeUnknownError(
              `send_group_message: no answer from Tencent (${err.message}); the message may or may not have been posted.`,
              `Read the latest messages first (get_group_messages with ${JSON.stringify({ group_id: args.group_id, ...(args.topic_id ? { topic_id: args.topic_id } : {}) })}); post again only if it is not there, or a second copy appears.`,
              { cause: err },
            );
          throw err;
        }
      },
    });
    const f = r.facts;
    const where = topicPhrase(f.topic);
    const base = {
      group_id: args.group_id,
      ...(f.topic ? { topic_id: f.topic.topicId } : {}),
      from_account: from ?? "(admin)",
      ...(f.memberNum !== undefined ? { members: f.memberNum } : {}),
    };
    if (r.dryRun)
      return {
        data: { ...base, dry_run: true, confirm_token: r.token },
        text: `Dry run, nothing was sent. Would post to ${args.group_id} ("${f.name}", ${f.type}, ${f.memberNum ?? "unknown"} members)${where} with send_group_msg ${JSON.stringify({ ...r.wouldSend.body, Random: "(chosen per call)" })}.\n${confirmLine(r.token)}`,
      };
    const m = r.result;
    return {
      data: {
        ...base,
        dry_run: false,
        msg_seq: m.seq,
        msg_time: m.time,
        ...(m.dropReason ? { dropped: sanitizeText(m.dropReason, 200) } : {}),
      },
      text:
        `Posted to ${args.group_id}${where} as message ${m.seq} at ${new Date(m.time * 1000).toISOString()}${from ? ` from ${quoteId(from)}` : ""}.` +
        (m.dropReason
          ? ` Tencent accepted it but did not deliver it: ${JSON.stringify(sanitizeText(m.dropReason, 200))}.`
          : "") +
        (f.type === "AVChatRoom"
          ? " Live groups keep no history."
          : ` Read it back with get_group_messages ${JSON.stringify({ group_id: args.group_id, ...(f.topic ? { topic_id: f.topic.topicId } : {}) })}.`),
    };
  },
});
