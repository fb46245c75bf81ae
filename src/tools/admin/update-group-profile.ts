import { z } from "zod";
import { MAX_MEMBERS_CAP } from "../../chat/apis/modify-group-base-info.js";
import { ChatApiError, ChatInputError } from "../../chat/errors.js";
import type { GroupProfileChange } from "../../chat/groups.js";
import type { GroupInfo } from "../../chat/response-schemas.js";
import { sanitizeText } from "../../core/sanitize.js";
import { defineTool, type ToolContext } from "../define.js";
import { customDataParam, GroupIdParam } from "../shared/params.js";
import { runSingleWrite } from "../shared/single-write.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { ConfirmTokenParam, confirmLine, DryRunParam } from "../shared/writes.js";
import { FaceUrlParam, JoinOptionParam, ProfileParams } from "./profile-params.js";

const Profile = z.object({
  name: z.string(),
  introduction: z.string(),
  notification: z.string(),
  face_url: z.string(),
  max_members: z.number().optional(),
  member_count: z.number().optional(),
  join_option: z.string(),
  custom: z.record(z.string(), z.string()),
});
type ProfileOut = z.infer<typeof Profile>;

async function readProfile(
  ctx: ToolContext,
  groupId: string,
  customKeys: string[],
): Promise<ProfileOut & { type: string }> {
  const res = await ctx.chat.profiles(
    [groupId],
    {
      baseFields: [
        "Type",
        "Name",
        "Introduction",
        "Notification",
        "FaceUrl",
        "MaxMemberNum",
        "MemberNum",
        "ApplyJoinOption",
        "AppDefinedData",
      ],
      ...(customKeys.length ? { groupCustomKeys: customKeys } : {}),
    },
    { signal: ctx.signal },
  );
  const err = res.errors[0];
  if (err) throw new ChatApiError("get_group_info", err.ErrorCode, err.ErrorInfo, "");
  const g = (res.groups[0] ?? {}) as GroupInfo & { AppDefinedData?: { Key: string; Value: string }[] };
  const str = (v: unknown, n: number) => sanitizeText(typeof v === "string" ? v : "", n);
  return {
    type: String(g.Type ?? ""),
    name: str(g.Name, 100),
    introduction: str(g.Introduction, 400),
    notification: str(g.Notification, 400),
    face_url: str(g.FaceUrl, 200),
    ...(typeof g.MaxMemberNum === "number" ? { max_members: g.MaxMemberNum } : {}),
    ...(typeof g.MemberNum === "number" ? { member_count: g.MemberNum } : {}),
    join_option: str(g.ApplyJoinOption, 20),
    custom: Object.fromEntries((g.AppDefinedData ?? []).map((kv) => [str(kv.Key, 64), str(kv.Value, 400)])),
  };
}

export default defineTool({
  name: "update_group_profile",
  title: "Edit a group's profile",
  description:
    "Changes a group's name, introduction, notification, face URL, member cap, join option or custom fields (REST " +
    "modify_group_base_info), any type; sizes are checked before sending. To mute everyone use set_mute_all. Audited.",
  inputSchema: z
    .object({
      group_id: GroupIdParam,
      ...ProfileParams,
      face_url: FaceUrlParam,
      max_members: z.number().int().min(1).max(MAX_MEMBERS_CAP),
      join_option: JoinOptionParam,
      custom: customDataParam("Group custom fields"),
      dry_run: DryRunParam,
      confirm_token: ConfirmTokenParam,
    })
    .partial({
      name: true,
      introduction: true,
      notification: true,
      face_url: true,
      max_members: true,
      join_option: true,
      custom: true,
    })
    .strict()
    .refine((a) => Object.keys(a).some((k) => !["group_id", "dry_run", "confirm_token"].includes(k)), {
      message: "give at least one field to change",
      path: ["name"],
    }),
  outputSchema: z.object({
    group_id: z.string(),
    dry_run: z.boolean(),
    before: Profile,
    after: Profile.optional(),
    confirm_token: z.string().optional(),
  }),
  annotations: writeAnnotations("Edit a group's profile", false),
  async handler(args, ctx) {
    const change: GroupProfileChange = {
      ...(args.name !== undefined ? { name: args.name } : {}),
      ...(args.introduction !== undefined ? { introduction: args.introduction } : {}),
      ...(args.notification !== undefined ? { notification: args.notification } : {}),
      ...(args.face_url !== undefined ? { faceUrl: args.face_url } : {}),
      ...(args.max_members !== undefined ? { maxMembers: args.max_members } : {}),
      ...(args.join_option !== undefined ? { joinOption: args.join_option } : {}),
      ...(args.custom ? { custom: args.custom } : {}),
    };
    const customKeys = Object.keys(args.custom ?? {});
    const r = await runSingleWrite(ctx, {
      tool: "update_group_profile",
      groupId: args.group_id,
      args,
      async check() {
        const before = await readProfile(ctx, args.group_id, customKeys);
        if (
          args.max_members !== undefined &&
          before.member_count !== undefined &&
          args.max_members < before.member_count
        )
          throw new ChatInputError(
            "max_members",
            `max_members ${args.max_members} is below the ${before.member_count} members ${args.group_id} has.`,
            `at least ${before.member_count}`,
          );
        return before;
      },
      intent: () => ({
        kind: "none",
        count: 0,
        summary: `update_group_profile: ${args.group_id}: ${JSON.stringify(change)} (REST modify_group_base_info)`,
      }),
      request: () => ({
        api: "modify_group_base_info",
        body: {
          GroupId: args.group_id,
          ...(args.name !== undefined ? { Name: args.name } : {}),
          ...(args.introduction !== undefined ? { Introduction: args.introduction } : {}),
          ...(args.notification !== undefined ? { Notification: args.notification } : {}),
          ...(args.face_url !== undefined ? { FaceUrl: args.face_url } : {}),
          ...(args.max_members !== undefined ? { MaxMemberNum: args.max_members } : {}),
          ...(args.join_option !== undefined ? { ApplyJoinOption: args.join_option } : {}),
          ...(args.custom
            ? { AppDefinedData: Object.entries(args.custom).map(([Key, Value]) => ({ Key, Value })) }
            : {}),
        },
      }),
      async send() {
        await ctx.chat.updateProfile(args.group_id, change, { signal: ctx.signal });
        return readProfile(ctx, args.group_id, customKeys);
      },
    });
    const { type: _t, ...before } = r.facts;
    if (r.dryRun)
      return {
        data: { group_id: args.group_id, dry_run: true, before, confirm_token: r.token },
        text: `Dry run, nothing was sent. Now: ${JSON.stringify(before)}\nWould send modify_group_base_info ${JSON.stringify(r.wouldSend.body)}.\n${confirmLine(r.token)}`,
      };
    const { type: _a, ...after } = r.result;
    return {
      data: { group_id: args.group_id, dry_run: false, before, after },
      text: `Done: ${args.group_id} changed.\nBefore: ${JSON.stringify(before)}\nNow: ${JSON.stringify(after)}`,
    };
  },
});
