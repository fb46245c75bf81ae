import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { ALL_TOOLS } from "../../src/tools/index.js";
import { selectTools } from "../../src/tools/select.js";

const names = (argv: string[]) => selectTools(ALL_TOOLS, loadConfig({ argv, env: {} }).config).map((t) => t.name);

describe("tool selection", () => {
  it("lists read tools by default, write tools only with --enable-writes", () => {
    expect(names([])).not.toContain("set_member_marks");
    expect(names(["--enable-writes"])).toEqual(expect.arrayContaining(["set_member_marks", "set_member_marks_bulk"]));
  });

  it("selects toolsets; explain_chat_error is always there", () => {
    const raw = names(["--toolsets", "raw"]);
    expect(raw).toEqual([
      "get_group_info",
      "get_group_member_info",
      "get_online_members",
      "get_online_member_num",
      "list_group_ids",
      "get_joined_groups",
      "get_member_roles",
      "explain_chat_error",
    ]);
    expect(names(["--toolsets", "moderation"])).toEqual([
      "explain_chat_error",
      "get_group_messages",
      "get_muted_members",
      "get_banned_members",
    ]);
    expect(names(["--toolsets", "moderation", "--enable-writes"])).toHaveLength(12);
    const agg = names(["--toolsets", "aggregate"]);
    expect(agg).toEqual([
      "explain_chat_error",
      "summarize_group_members",
      "find_group_members",
      "summarize_online_members",
      "get_groups_overview",
      "list_groups",
      "get_user_groups",
      "check_members",
    ]);
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
      /unknown tool drop_all_groups[\s\S]*Valid tools: get_group_info/,
    );
  });
});
