// Group administration through a real MCP client: transfer_ownership, add_members, dismiss_group,
// update_group_profile and create_group. Each effect is read back through the other tools and the
// emulator's state; refusals happen before any request; dry runs send nothing; one audit line per call.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { callTool, type Harness, startHarness, structured, textOf } from "../helpers/harness.js";

let h: Harness;
const auditPath = join(mkdtempSync(join(tmpdir(), "tcgm-admin-")), "audit.jsonl");
beforeAll(async () => {
  h = await startHarness({ enableWrites: true, argv: ["--audit-log", auditPath], emulator: { banTypes: "all-types" } });
});
afterAll(() => h.close());

const calls = (api: string) => h.emulator.control.stats().calls[`${h.emulator.credentials.sdkAppId}:${api}`] ?? 0;
const audit = () =>
  readFileSync(auditPath, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { tool: string; status: string; group_id?: string });
const lastAudit = (tool: string) =>
  audit()
    .filter((a) => a.tool === tool)
    .at(-1);
const tokenOf = (r: Awaited<ReturnType<typeof callTool>>) => structured<{ confirm_token: string }>(r).confirm_token;

describe("transfer_ownership", () => {
  const G = DEMO_GROUP_IDS.chatRoom;
  it("always needs a dry run's token; the dry run checks membership; the new owner shows in get_group_info", async () => {
    const bare = await callTool(h.client, "transfer_ownership", { group_id: G, new_owner: "m_bob" });
    expect(bare.isError).toBe(true);
    expect(textOf(bare)).toMatch(/Confirmation needed: a new owner takes the group's highest powers/);
    expect(calls("change_group_owner")).toBe(0);
    const dry = await callTool(h.client, "transfer_ownership", { group_id: G, new_owner: "m_bob", dry_run: true });
    expect(textOf(dry)).toMatch(/has owner "m_alice"; "m_bob" is a member \(Admin\)/);
    expect(textOf(dry)).toContain('change_group_owner {"GroupId":"@TGS#3MEETINGDEMO","NewOwner_Account":"m_bob"}');
    expect(calls("change_group_owner")).toBe(0);
    expect(lastAudit("transfer_ownership")?.status).toBe("dry_run");
    const done = await callTool(h.client, "transfer_ownership", {
      group_id: G,
      new_owner: "m_bob",
      confirm_token: tokenOf(dry),
    });
    expect(structured(done)).toMatchObject({ old_owner: "m_alice", owner_now: "m_bob", dry_run: false });
    const info = structured<{ groups: { owner_account: string }[] }>(
      await callTool(h.client, "get_group_info", { group_ids: [G] }),
    );
    expect(info.groups[0]?.owner_account).toBe("m_bob");
    const roles = structured<{ roles: { account: string; role: string }[] }>(
      await callTool(h.client, "get_member_roles", { group_id: G, accounts: ["m_alice", "m_bob"] }),
    );
    expect(roles.roles).toEqual([
      { account: "m_alice", role: "Member" },
      { account: "m_bob", role: "Owner" },
    ]);
    expect(lastAudit("transfer_ownership")?.status).toBe("done");
    // The token is spent: a replay is refused before anything is sent.
    const replay = await callTool(h.client, "transfer_ownership", {
      group_id: G,
      new_owner: "m_bob",
      confirm_token: tokenOf(dry),
    });
    expect(textOf(replay)).toMatch(/already owns|already used/);
    expect(calls("change_group_owner")).toBe(1);
  });

  it("refuses a non-member and a live group before sending", async () => {
    const ghost = await callTool(h.client, "transfer_ownership", { group_id: G, new_owner: "ghost_1", dry_run: true });
    expect(textOf(ghost)).toMatch(/"ghost_1" is not a member of @TGS#3MEETINGDEMO: only a member can become its owner/);
    const live = await callTool(h.client, "transfer_ownership", {
      group_id: DEMO_GROUP_IDS.avChatRoomSmall,
      new_owner: "guest_00001",
      dry_run: true,
    });
    expect(textOf(live)).toMatch(/live group \(AVChatRoom\): its owner cannot change.*set_live_admins/s);
    expect(calls("change_group_owner")).toBe(1);
  });
});

describe("add_members", () => {
  const G = DEMO_GROUP_IDS.public;
  it("adds new accounts, reports members and banned accounts per account, and the lists read them back", async () => {
    // A banned account cannot rejoin (banTypes all-types lets a Public group ban).
    await callTool(h.client, "ban_members", { group_id: G, accounts: ["p_dave"], duration_seconds: 3600 });
    const r = await callTool(h.client, "add_members", {
      group_id: G,
      accounts: ["new_1", "new_2", "p_bob", "p_dave"],
      silent: true,
    });
    const d = structured<{ done: string[]; unchanged: string[]; failed: { accounts: string[] }[] }>(r);
    expect(d.done.sort()).toEqual(["new_1", "new_2"]);
    expect(d.unchanged).toEqual(['"p_bob": already a member']);
    expect(d.failed[0]?.accounts).toEqual(["p_dave"]);
    expect(textOf(r)).toMatch(
      /Add: 2 of 4 accounts.*Unchanged: "p_bob": already a member.*FAILED for 1 accounts \("p_dave"\)/s,
    );
    const roles = structured<{ roles: { account: string; role: string }[] }>(
      await callTool(h.client, "get_member_roles", { group_id: G, accounts: ["new_1", "new_2"] }),
    );
    expect(roles.roles.map((x) => x.role)).toEqual(["Member", "Member"]);
    expect(lastAudit("add_members")?.status).toBe("partial");
  });

  it("sends 300 accounts a request, needs a token above the threshold, and a dry run sends nothing", async () => {
    const accounts = Array.from({ length: 650 }, (_, i) => `bulk_${i}`);
    const before = calls("add_group_member");
    const bare = await callTool(h.client, "add_members", { group_id: G, accounts });
    expect(textOf(bare)).toMatch(/Confirmation needed: add_members would act on 650 accounts, more than 20/);
    const dry = await callTool(h.client, "add_members", { group_id: G, accounts, dry_run: true });
    expect(textOf(dry)).toMatch(/Would send add_group_member 3 times \(at most 300 accounts each\)/);
    expect(textOf(dry)).toContain('"bulk_649"');
    expect(calls("add_group_member")).toBe(before);
    const done = await callTool(h.client, "add_members", { group_id: G, accounts, confirm_token: tokenOf(dry) });
    expect(structured<{ done_count: number }>(done).done_count).toBe(650);
    expect(calls("add_group_member")).toBe(before + 3);
    const info = structured<{ groups: { member_num: number }[] }>(
      await callTool(h.client, "get_group_info", { group_ids: [G] }),
    );
    expect(info.groups[0]?.member_num).toBe(h.emulator.control.group(G)!.members.count());
  });

  it("refuses a live group before any request", async () => {
    const total = calls("add_group_member");
    const r = await callTool(h.client, "add_members", { group_id: DEMO_GROUP_IDS.avChatRoomSmall, accounts: ["x1"] });
    expect(textOf(r)).toMatch(/Live groups \(AVChatRoom\) cannot have members added/);
    expect(calls("add_group_member")).toBe(total);
  });
});

describe("update_group_profile", () => {
  const G = DEMO_GROUP_IDS.private;
  it("changes name, notification, cap, join option and custom data; get_group_info reads them back", async () => {
    const r = await callTool(h.client, "update_group_profile", {
      group_id: G,
      name: "Support team 支援",
      notification: "Standup at 10:00",
      max_members: 150,
      join_option: "DisableApply",
      custom: { GroupTestData1: "v2" },
    });
    const d = structured<{
      before: { name: string };
      after: { name: string; max_members: number; custom: Record<string, string> };
    }>(r);
    expect(d.after).toMatchObject({ name: "Support team 支援", max_members: 150, custom: { GroupTestData1: "v2" } });
    expect(d.before.name).not.toBe(d.after.name);
    const g = h.emulator.control.group(G)!;
    expect(g).toMatchObject({
      Name: "Support team 支援",
      Notification: "Standup at 10:00",
      ApplyJoinOption: "DisableApply",
    });
    expect(lastAudit("update_group_profile")?.status).toBe("done");
  });

  it("refuses a 31-byte name and a cap below the member count before sending", async () => {
    const before = calls("modify_group_base_info");
    const long = await callTool(h.client, "update_group_profile", { group_id: G, name: "名".repeat(11) });
    expect(textOf(long)).toMatch(/at most 30 bytes/);
    const low = await callTool(h.client, "update_group_profile", { group_id: G, max_members: 3 });
    expect(textOf(low)).toMatch(/max_members 3 is below the 12 members/);
    const key = await callTool(h.client, "update_group_profile", { group_id: G, custom: { ["k".repeat(65)]: "v" } });
    expect(textOf(key)).toMatch(/custom keys are 1-64 characters/);
    const none = await callTool(h.client, "update_group_profile", { group_id: G });
    expect(textOf(none)).toMatch(/give at least one field to change/);
    expect(calls("modify_group_base_info")).toBe(before);
  });
});

describe("create_group and dismiss_group", () => {
  it("creates a group with a custom ID, owner and members; the ID list and profiles show it", async () => {
    const r = await callTool(h.client, "create_group", {
      type: "Public",
      name: "Launch crew",
      group_id: "launch-crew-2026",
      owner: "lead_1",
      members: ["crew_1", "crew_2"],
    });
    expect(structured(r)).toMatchObject({ group_id: "launch-crew-2026", owner: "lead_1", member_count: 3 });
    expect(textOf(r)).toBe('Created Public group launch-crew-2026 ("Launch crew"), owner "lead_1", 3 members.');
    const ids = structured<{ group_ids: string[] }>(
      await callTool(h.client, "list_group_ids", { group_type: "Public", limit: 10000 }),
    );
    expect(ids.group_ids).toContain("launch-crew-2026");
    const again = await callTool(h.client, "create_group", {
      type: "Public",
      name: "Dup",
      group_id: "launch-crew-2026",
    });
    expect(textOf(again)).toMatch(/launch-crew-2026 is used already/);
  });

  it("refuses malformed custom IDs and members of a live group before sending", async () => {
    const before = calls("create_group");
    const sys = await callTool(h.client, "create_group", { type: "Public", name: "x", group_id: "@TGS#2MINE" });
    expect(textOf(sys)).toMatch(/may not start with "@TGS#"/);
    const comm = await callTool(h.client, "create_group", { type: "Community", name: "x", group_id: "plain-id" });
    expect(textOf(comm)).toMatch(/of a Community starts with "@TGS#_"/);
    const live = await callTool(h.client, "create_group", { type: "AVChatRoom", name: "x", members: ["a1"] });
    expect(textOf(live)).toMatch(/a live group \(AVChatRoom\) takes no initial members/);
    const many = await callTool(h.client, "create_group", {
      type: "Public",
      name: "x",
      members: Array.from({ length: 101 }, (_, i) => `m${i}`),
    });
    expect(many.isError).toBe(true);
    expect(calls("create_group")).toBe(before);
  });

  it("creates with a Tencent-assigned ID, then dismisses it behind a token: every API answers 10010", async () => {
    const created = structured<{ group_id: string }>(
      await callTool(h.client, "create_group", { type: "Community", name: "Temp community" }),
    );
    expect(created.group_id).toMatch(/^@TGS#_/);
    const G = created.group_id;
    const bare = await callTool(h.client, "dismiss_group", { group_id: G });
    expect(textOf(bare)).toMatch(/Confirmation needed: dismissing a group cannot be undone/);
    const dry = await callTool(h.client, "dismiss_group", { group_id: G, dry_run: true });
    expect(textOf(dry)).toMatch(/Would dismiss @TGS#_\S+ \("Temp community", Community, 0 members\) for good/);
    expect(calls("destroy_group")).toBe(0);
    const done = await callTool(h.client, "dismiss_group", { group_id: G, confirm_token: tokenOf(dry) });
    expect(structured(done)).toMatchObject({ gone: true, dry_run: false });
    const info = await callTool(h.client, "get_group_info", { group_ids: [G] });
    expect(textOf(info)).toMatch(/10010/);
    expect(lastAudit("dismiss_group")?.status).toBe("done");
    // Dismissed: a second call is refused at its first read, and nothing more is sent.
    const again = await callTool(h.client, "dismiss_group", { group_id: G, confirm_token: tokenOf(dry) });
    expect(textOf(again)).toMatch(/10010/);
    expect(calls("destroy_group")).toBe(1);
  });
});
