import { z } from "zod";
import { CREATE_MEMBERS_MAX, customGroupIdProblem } from "../../chat/apis/create-group.js";
import { ChatInputError } from "../../chat/errors.js";
import { defineTool } from "../define.js";
import { AccountParam, GroupTypeParam } from "../shared/params.js";
import { quoteId, quoteIds } from "../shared/quote.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam, groupFacts } from "../shared/writes.js";
import { ProfileParams } from "./profile-params.js";

export default defineTool({
  name: "create_group",
  title: "Create a group",
  description:
    `Creates a group (REST create_group) with an optional owner, up to ${CREATE_MEMBERS_MAX} initial members (none for ` +
    "AVChatRoom) and an optional custom ID; returns its group_id. Audited.",
  inputSchema: z
    .object({
      type: GroupTypeParam,
      name: ProfileParams.name,
      owner: AccountParam.optional(),
      members: z
        .array(AccountParam)
        .max(CREATE_MEMBERS_MAX)
        .refine((a) => new Set(a).size === a.length, "each account may appear only once")
        .optional(),
      group_id: z.string().max(64).optional().describe('Custom ID; a Community\'s starts "@TGS#_".'),
      introduction: ProfileParams.introduction.optional(),
      notification: ProfileParams.notification.optional(),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .strict()
    .superRefine((a, c) => {
      const problem = a.group_id === undefined ? undefined : customGroupIdProblem(a.group_id, a.type);
      if (problem) c.addIssue({ code: "custom", path: ["group_id"], message: `a custom group ID ${problem}` });
      if (a.type === "AVChatRoom" && a.members?.length)
        c.addIssue({
          code: "custom",
          path: ["members"],
          message: "a live group (AVChatRoom) takes no initial members",
        });
    }),
  outputSchema: z.object({
    dry_run: z.boolean(),
    type: z.string(),
    name: z.string(),
    group_id: z.string().optional(),
    owner: z.string().optional(),
    member_count: z.number().optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Create a group", false, false),
  async handler(args, ctx) {
    const members = (args.members ?? []).filter((m) => m !== args.owner);
    const joining = members.length + (args.owner && args.type !== "AVChatRoom" ? 1 : 0);
    const r = await runSingleWrite(ctx, {
      tool: "create_group",
      args,
      async check() {
        if (args.group_id === undefined) return {};
        // A used ID would answer 10021: said before sending.
        const taken = await ctx.chat.profiles([args.group_id], { baseFields: ["Type"] }, { signal: ctx.signal });
        if (taken.groups.length > 0)
          throw new ChatInputError(
            "group_id",
            `${args.group_id} is used already by another group of this app.`,
            undefined,
            "Pick another group_id, or leave it out and let Tencent assign one.",
          );
        return {};
      },
      intent: () => ({
        kind: "accounts",
        count: joining,
        summary: `create_group: ${args.type} "${args.name}"${args.group_id ? ` as ${args.group_id}` : ""}${args.owner ? `, owner ${quoteId(args.owner)}` : ""}${members.length ? `, members ${quoteIds(members)}` : ""} (REST create_group)`,
      }),
      request: () => ({
        api: "create_group",
        body: {
          Type: args.type,
          Name: args.name,
          ...(args.owner ? { Owner_Account: args.owner } : {}),
          ...(args.group_id ? { GroupId: args.group_id } : {}),
          ...(args.introduction !== undefined ? { Introduction: args.introduction } : {}),
          ...(args.notification !== undefined ? { Notification: args.notification } : {}),
          ...(members.length ? { MemberList: members.map((Member_Account) => ({ Member_Account })) } : {}),
        },
      }),
      async send() {
        const id = await ctx.chat.create(
          {
            type: args.type,
            name: args.name,
            ...(args.owner ? { owner: args.owner } : {}),
            ...(args.group_id ? { groupId: args.group_id } : {}),
            ...(args.introduction !== undefined ? { introduction: args.introduction } : {}),
            ...(args.notification !== undefined ? { notification: args.notification } : {}),
            members,
          },
          { signal: ctx.signal },
        );
        return { id, facts: await groupFacts(ctx, id) };
      },
    });
    const base = { type: args.type, name: args.name };
    if (r.dryRun)
      return {
        data: { ...base, dry_run: true, confirm_token: r.token },
        text: `Dry run, nothing was sent. Would send create_group ${JSON.stringify(r.wouldSend.body)}.\n${confirmLine(r.token)}`,
      };
    const f = r.result.facts;
    return {
      data: {
        ...base,
        dry_run: false,
        group_id: r.result.id,
        ...(f.owner ? { owner: f.owner } : {}),
        ...(f.memberNum !== undefined ? { member_count: f.memberNum } : {}),
      },
      text: `Created ${args.type} group ${r.result.id} ("${args.name}")${f.owner ? `, owner ${quoteId(f.owner)}` : ", no owner"}${f.memberNum !== undefined ? `, ${f.memberNum} members` : ""}.`,
    };
  },
});
