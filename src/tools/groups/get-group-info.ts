import { z } from "zod";
import { describeChatError } from "../../chat/error-codes.js";
import type { GroupProfilesQuery } from "../../chat/groups.js";
import type { GroupInfo } from "../../chat/response-schemas.js";
import { sanitizeKeyValues, sanitizeText } from "../../core/sanitize.js";
import { isoFromSeconds, nowSeconds } from "../../core/time.js";
import { defineTool, readOnlyAnnotations } from "../define.js";
import { GroupErrorOut, groupErrorLines } from "../shared/group.js";
import { CustomDataOut, MemberProfileOut, memberToOutput, profileOf } from "../shared/member.js";
import { StringOrNull } from "../shared/nullable.js";
import { CustomKeysParam, GroupIdParam } from "../shared/params.js";
import { quoteId } from "../shared/quote.js";

const MEMBERS_SHOWN_PER_GROUP = 50;

const FIELD_MAP = {
  type: "Type",
  name: "Name",
  introduction: "Introduction",
  notification: "Notification",
  face_url: "FaceUrl",
  owner_account: "Owner_Account",
  create_time: "CreateTime",
  last_info_time: "LastInfoTime",
  last_msg_time: "LastMsgTime",
  member_num: "MemberNum",
  max_member_num: "MaxMemberNum",
  apply_join_option: "ApplyJoinOption",
  mute_all_member: "MuteAllMember",
} as const;
type FieldName = keyof typeof FIELD_MAP;
const FIELD_NAMES = Object.keys(FIELD_MAP) as [FieldName, ...FieldName[]];

const GroupOut = z.object({
  group_id: z.string(),
  type: z.string().optional(),
  name: z.string().optional(),
  introduction: z.string().optional(),
  notification: z.string().optional(),
  face_url: z.string().optional(),
  owner_account: StringOrNull.optional(),
  create_time: StringOrNull.optional(),
  last_info_time: StringOrNull.optional(),
  last_msg_time: StringOrNull.optional(),
  member_num: z.number().optional(),
  max_member_num: z.number().optional(),
  apply_join_option: z.string().optional(),
  mute_all_member: z.boolean().optional(),
  custom_data: CustomDataOut.optional(),
  members: z.array(MemberProfileOut).optional(),
});
type GroupOutput = z.infer<typeof GroupOut>;

/**
 * The text an agent reads (many hosts show it nothing else): every field the call returned, member-written
 * text quoted as data, custom data and listed members included.
 */
function renderGroup({ g, memberTotal }: { g: GroupOutput; memberTotal?: number }): string[] {
  const head: string[] = [];
  if (g.type !== undefined) head.push(g.type);
  if (g.name !== undefined) head.push(JSON.stringify(g.name));
  const facts: string[] = [];
  if (g.member_num !== undefined)
    facts.push(
      g.type === "AVChatRoom" ? `count ${g.member_num} as reported (not a member list)` : `${g.member_num} members`,
    );
  else if (g.type === "AVChatRoom")
    facts.push("member count not available for live groups (summarize_online_members counts who is online)");
  if (g.max_member_num !== undefined) facts.push(`max ${g.max_member_num}`);
  if (g.owner_account !== undefined) facts.push(`owner ${g.owner_account ? quoteId(g.owner_account) : "none"}`);
  if (g.mute_all_member !== undefined) facts.push(g.mute_all_member ? "everyone muted" : "not muted");
  if (g.apply_join_option !== undefined) facts.push(`join: ${g.apply_join_option}`);
  if (g.create_time !== undefined) facts.push(`created ${g.create_time ?? "unknown"}`);
  if (g.last_info_time !== undefined) facts.push(`profile changed ${g.last_info_time ?? "never"}`);
  if (g.last_msg_time !== undefined) facts.push(`last message ${g.last_msg_time ?? "never"}`);
  const lines = [`${g.group_id}: ${[head.join(" "), ...facts].filter(Boolean).join(", ")}`];
  // Empty texts say nothing: left out of the text (the structured result keeps them).
  if (g.introduction) lines.push(`  introduction: ${JSON.stringify(g.introduction)}`);
  if (g.notification) lines.push(`  notification: ${JSON.stringify(g.notification)}`);
  if (g.face_url) lines.push(`  face_url: ${JSON.stringify(g.face_url)}`);
  if (g.custom_data && Object.keys(g.custom_data).length > 0)
    lines.push(
      `  custom data: ${Object.entries(g.custom_data)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(", ")}`,
    );
  if (g.members)
    lines.push(
      `  members: ${g.members.map((m) => `${quoteId(m.account)}${m.role ? ` (${m.role})` : ""}`).join(", ") || "none"}`,
      ...(memberTotal !== undefined && g.members && memberTotal > g.members.length
        ? [
            `  … and ${memberTotal - g.members.length} more members. The rest: call find_group_members with ${JSON.stringify({ group_id: g.group_id, max_results: 200 })} (it pages on with resume_cursor), or summarize_group_members for totals.`,
          ]
        : []),
    );
  return lines;
}

export function groupToOutput(g: GroupInfo, nowS: number): GroupOutput {
  const out: GroupOutput = { group_id: g.GroupId };
  if (g.Type !== undefined) out.type = String(g.Type);
  if (g.Name !== undefined) out.name = sanitizeText(g.Name, 100);
  if (g.Introduction !== undefined) out.introduction = sanitizeText(g.Introduction, 300);
  if (g.Notification !== undefined) out.notification = sanitizeText(g.Notification, 300);
  if (g.FaceUrl !== undefined) out.face_url = sanitizeText(g.FaceUrl, 300);
  if (g.Owner_Account !== undefined) out.owner_account = g.Owner_Account ? sanitizeText(g.Owner_Account, 64) : null;
  if (g.CreateTime !== undefined) out.create_time = isoFromSeconds(g.CreateTime);
  if (g.LastInfoTime !== undefined) out.last_info_time = isoFromSeconds(g.LastInfoTime);
  if (g.LastMsgTime !== undefined) out.last_msg_time = isoFromSeconds(g.LastMsgTime);
  if (g.MemberNum !== undefined) out.member_num = g.MemberNum;
  if (g.MaxMemberNum !== undefined) out.max_member_num = g.MaxMemberNum;
  if (g.ApplyJoinOption !== undefined) out.apply_join_option = sanitizeText(g.ApplyJoinOption, 40);
  if (g.MuteAllMember !== undefined) out.mute_all_member = g.MuteAllMember === "On";
  if (g.AppDefinedData) out.custom_data = sanitizeKeyValues(g.AppDefinedData);
  if (g.MemberList) {
    // Only the member fields this tool asks for (message flags and sequences are get_group_member_info's).
    out.members = g.MemberList.slice(0, MEMBERS_SHOWN_PER_GROUP).map((m) => profileOf(memberToOutput(m, nowS)));
  }
  return out;
}

export default defineTool({
  name: "get_group_info",
  title: "Get group profiles",
  description:
    "Full profiles of 1-50 groups of any type (REST get_group_info): type, name, owner, member count, mute-all, times, " +
    "texts, custom data. More groups: get_groups_overview. Members: summarize_group_members.",
  inputSchema: z
    .object({
      group_ids: z.array(GroupIdParam).min(1).max(50, "at most 50 group IDs; get_groups_overview takes up to 1,000"),
      fields: z.array(z.enum(FIELD_NAMES)).min(1).optional().describe("Only these fields (default all)."),
      group_custom_keys: CustomKeysParam.optional().describe("Group custom data keys."),
      include_members: z.boolean().default(false).describe("Add the first 50 members of each group."),
      member_custom_keys: CustomKeysParam.optional(),
    })
    .strict(),
  outputSchema: z.object({
    groups: z.array(GroupOut),
    errors: z.array(GroupErrorOut),
    requested: z.number(),
  }),
  annotations: readOnlyAnnotations("Get group profiles"),
  async handler(args, ctx) {
    const ids = [...new Set(args.group_ids)];
    const wantFilter =
      args.fields !== undefined ||
      args.group_custom_keys !== undefined ||
      !args.include_members ||
      args.member_custom_keys !== undefined;
    // Without any filter Tencent sends every field and the whole member list.
    const query: GroupProfilesQuery = wantFilter
      ? {
          baseFields: (args.fields ?? FIELD_NAMES).map((f) => FIELD_MAP[f]),
          groupCustomKeys: args.group_custom_keys,
          ...(args.include_members
            ? {
                memberFields: ["role", "join_time", "last_send_msg_time", "muted_until", "name_card"],
                memberCustomKeys: args.member_custom_keys,
              }
            : {}),
        }
      : {};
    const res = await ctx.chat.profiles(ids, query, { signal: ctx.signal });
    const nowS = nowSeconds();
    const groups = res.groups.map((g) => groupToOutput(g, nowS));
    const memberTotals = new Map(res.groups.map((g) => [g.GroupId, g.MemberList?.length]));
    const errors = res.errors.map((e) => {
      const d = describeChatError(e.ErrorCode, e.ErrorInfo, "get_group_info");
      return { group_id: e.GroupId, code: e.ErrorCode, meaning: d.meaning, next_step: d.nextStep };
    });
    const lines = groups.flatMap((g) => renderGroup({ g, memberTotal: memberTotals.get(g.group_id) }));
    lines.push(...groupErrorLines(errors));
    return {
      data: { groups, errors, requested: ids.length },
      text: `${groups.length} of ${ids.length} groups found${errors.length ? `, ${errors.length} with errors` : ""}.\n${lines.join("\n")}`,
    };
  },
});
