import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { isWriteTool } from "../../src/tools/define.js";
import { ALL_TOOLS, TOOLSETS } from "../../src/tools/index.js";
import { selectTools } from "../../src/tools/select.js";

const names = (argv: string[]) => selectTools(ALL_TOOLS, loadConfig({ argv, env: {} }).config).map((t) => t.name);
const toolsOf = (set: string, writes = false) =>
  (TOOLSETS.find((s) => s.name === set)?.tools ?? []).filter((t) => writes || !isWriteTool(t)).map((t) => t.name);

describe("tool selection", () => {
  it("lists the default toolsets (groups, moderation) and explain_chat_error, writes only with --enable-writes", () => {
    expect(names([])).toEqual([...toolsOf("groups"), ...toolsOf("moderation"), "explain_chat_error"]);
    expect(names([])).not.toContain("mute_members");
    expect(names(["--enable-writes"])).toEqual([
      ...toolsOf("groups", true),
      ...toolsOf("moderation", true),
      "explain_chat_error",
    ]);
    expect(names(["--enable-writes"])).toContain("mute_members");
    // The live toolset's writes are not in the default listing.
    expect(names(["--enable-writes"])).not.toContain("set_member_marks");
  });

  it("selects toolsets by name, with default and all; explain_chat_error is always there", () => {
    expect(names(["--toolsets", "raw"])).toEqual([
      "get_group_member_info",
      "list_group_ids",
      "get_joined_groups",
      "get_member_roles",
      "explain_chat_error",
    ]);
    expect(names(["--toolsets", "live", "--enable-writes"])).toEqual([
      "summarize_online_members",
      "get_online_members",
      "get_online_member_num",
      "set_member_marks",
      "set_member_marks_bulk",
      "get_live_admins",
      "set_live_admins",
      "explain_chat_error",
    ]);
    expect(names(["--toolsets", "default,live"])).toEqual([
      ...toolsOf("groups"),
      ...toolsOf("moderation"),
      ...toolsOf("live"),
      "explain_chat_error",
    ]);
    expect(names(["--toolsets", "all", "--enable-writes"])).toHaveLength(ALL_TOOLS.length);
  });

  it("refuses an unknown toolset name, naming the valid ones", () => {
    expect(() => names(["--toolsets", "aggregate"])).toThrow(
      /"aggregate" is not one of groups, moderation, admin, messaging, community, state, live, raw, default, all/,
    );
  });

  it("takes an explicit list, and --read-only wins over an explicit write tool", () => {
    expect(names(["--tools", "get_group_info,set_member_marks", "--enable-writes"])).toEqual([
      "get_group_info",
      "set_member_marks",
    ]);
    expect(names(["--tools", "get_group_info,set_member_marks", "--enable-writes", "--read-only"])).toEqual([
      "get_group_info",
    ]);
  });

  it("stops on an unknown tool name and lists the valid ones", () => {
    expect(() => names(["--tools", "get_group_info,drop_all_groups"])).toThrow(
      /unknown tool drop_all_groups[\s\S]*Valid tools: .*get_group_info/,
    );
  });
});
