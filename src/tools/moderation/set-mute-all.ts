import { z } from "zod";
import { defineTool } from "../define.js";
import { GroupIdParam } from "../shared/params.js";
import { writeAnnotations } from "../shared/write-annotations.js";
import { authorizeWrite } from "../shared/write-guard.js";
import { DryRunParam, groupFacts } from "../shared/writes.js";

export default defineTool({
  name: "set_mute_all",
  title: "Mute or unmute a whole group",
  description:
    "Mutes everyone but the owner and admins in a group of any type (Private/Work, Public, ChatRoom/Meeting, AVChatRoom, Community), e.g. during a raid, " +
    "or lifts it (REST modify_group_base_info MuteAllMember). Audited.",
  inputSchema: z.object({ group_id: GroupIdParam, muted: z.boolean(), dry_run: DryRunParam }).strict(),
  outputSchema: z.object({
    group_id: z.string(),
    muted: z.boolean(),
    dry_run: z.boolean(),
    was_muted: z.boolean().optional(),
  }),
  annotations: writeAnnotations("Mute or unmute a whole group", false),
  async handler(args, ctx) {
    const body = { GroupId: args.group_id, MuteAllMember: args.muted ? "On" : "Off" };
    // A group setting, not accounts or messages: no threshold or budget, but the same audit and checks.
    const permit = args.dry_run
      ? undefined
      : await authorizeWrite(ctx, {
          tool: "set_mute_all",
          groupId: args.group_id,
          args,
          kind: "none",
          count: 0,
          summary: `set_mute_all: ${args.muted ? "mute everyone but the owner and admins" : "lift the mute of everyone"} in ${args.group_id}`,
        });
    const wasMuted = (await groupFacts(ctx, args.group_id)).muteAll;
    if (permit) {
      await permit.commit();
      await ctx.chat.setMuteAll(args.group_id, args.muted, { signal: ctx.signal });
    }
    await ctx.audit({
      tool: "set_mute_all",
      group_id: args.group_id,
      status: args.dry_run ? "dry_run" : "done",
      dry_run: args.dry_run,
      args,
      outcome: { was_muted: wasMuted },
    });
    const data = {
      group_id: args.group_id,
      muted: args.muted,
      dry_run: args.dry_run,
      ...(wasMuted !== undefined ? { was_muted: wasMuted } : {}),
    };
    return {
      data,
      text: args.dry_run
        ? `Dry run, nothing was sent. Would send modify_group_base_info ${JSON.stringify(body)} (the group is ${wasMuted ? "muted" : "not muted"} now).`
        : `${args.group_id} is now ${args.muted ? "muted for everyone but the owner and admins" : "open to everyone"}${wasMuted === args.muted ? " (it already was)" : ""}.`,
    };
  },
});
