// What every handler receives, and the checks they share.
import { CODES, EmuFailure, type EmuResponse } from "../envelope.js";
import type { EmuGroup, EmuTopic, MessageChannel } from "../model.js";
import { RULES } from "../rules.js";
import type { EmuApp, EmuStore } from "../store.js";
import type { Route } from "./index.js";

export interface EmulatorSettings {
  onlinePageThreshold: number;
  onlineListCap: number;
  /** Doc variant: a space inside a group ID is allowed (the documented 0x20-0x7e) or malformed (10015). */
  spacesInGroupIds: boolean;
  /** Doc variant: get_group_info returns a member count for AVChatRoom (English pages) or leaves it out (zh). */
  liveMemberNum: boolean;
  /** Doc variant: MemberRoleFilter applied before paging (Offset counts matching members) or after (Offset counts all). */
  roleFilter: "before-paging" | "after-paging";
  /** Doc variant: unfiltered get_group_member_info carries custom member fields (the page's examples) or not (its field table). */
  customFieldsByDefault: boolean;
  /** Doc variant: the mute end's field name in member profiles and filters (docs/drift.md). */
  muteField: "MuteUntil" | "ShutUpUntil";
  /** Doc variant: ban in live groups only (older pages) or in every type (trtc.io, 2025). */
  banTypes: "live-only" | "all-types";
  /** Doc variant: get_group_muted_account's list name (current page) or the SDKs' older one. */
  mutedListField: "MutedAccountList" | "ShuttedUinList";
  /** Doc variant: forbid_send_msg's duration field. */
  muteTimeField: "MuteTime" | "ShutUpTime";
  /** Doc variant: the most IDs one get_appid_group_list page holds, whatever Limit says. */
  groupListPageCap: number;
  /** Doc variant: the service that serves the attribute writes (the pages: group_open_http_svc; some SDKs: group_open_attr_http_svc). */
  attrWriteService: "group_open_http_svc" | "group_open_attr_http_svc";
  /** Doc variant: group attributes in every type (REST pages) or live groups only (older SDK notes). */
  attrTypes: "all" | "live-only";
  /** Doc variant: counters in no Community (REST pages) or only not in topic-enabled ones (SDK guide). */
  counterTypes: "no-community" | "no-topic-community";
  /** Doc variant: create_group's initial members, at most 100 (REST page) or 500 (web SDK). */
  createMembersMax: number;
  /** 10018 for get_group_member_info pages asking more than this (fault injection). */
  tooLargeAboveLimit?: number;
}

export interface HandlerContext {
  /** The API being served: its name and the group types it supports. */
  route: Pick<Route, "name" | "types">;
  store: EmuStore;
  app: EmuApp;
  body: Record<string, unknown>;
  /** Unix seconds. */
  now: number;
  settings: EmulatorSettings;
}

export type Handler = (ctx: HandlerContext) => EmuResponse;

// Custom IDs: printable ASCII, under 48 bytes, plus the "@TGS#_" Community prefix (https://www.tencentcloud.com/document/product/1047/33529).
// Whether a space inside an ID is allowed (0x20 is in the documented range) or malformed (10015, as the
// error tables treat it) is a doc variant (docs/drift.md).
const GROUP_ID = /^[\x21-\x7e]{1,64}$/;
const GROUP_ID_WITH_SPACES = /^[\x21-\x7e][\x20-\x7e]{0,63}$/;

export function isWellFormedGroupId(id: unknown, spacesAllowed = false): id is string {
  return typeof id === "string" && (spacesAllowed ? GROUP_ID_WITH_SPACES : GROUP_ID).test(id);
}

export function requireGroupId(body: Record<string, unknown>, spacesAllowed = false): string {
  const id = body.GroupId;
  if (id === undefined) throw new EmuFailure(CODES.invalidParam, "GroupId is required");
  if (!isWellFormedGroupId(id, spacesAllowed)) throw new EmuFailure(CODES.invalidGroupId, "invalid GroupId");
  return id;
}

/** The group, or 10010 when it does not exist or was dismissed; 10007 when the API doesn't support its type. */
export function requireGroup(ctx: HandlerContext): EmuGroup {
  const id = requireGroupId(ctx.body, ctx.settings.spacesInGroupIds);
  const g = ctx.store.group(ctx.app.sdkAppId, id);
  if (!g || g.dismissed) throw new EmuFailure(CODES.groupNotFound, "the group does not exist or has been dismissed");
  if (!ctx.route.types.includes(g.Type))
    throw new EmuFailure(CODES.noPermission, `this API does not support ${g.Type} groups`);
  return g;
}

/**
 * Where a message API acts: the group, or the topic named by TopicId. A topic needs a Community with topics
 * switched on (10007 otherwise) and must exist (10010). The pages name no topic codes: these are the
 * emulator's (docs/drift.md).
 */
export function requireChannel(ctx: HandlerContext, g: EmuGroup): { channel: MessageChannel; topic?: EmuTopic } {
  const id = ctx.body.TopicId;
  if (id === undefined) return { channel: g };
  if (typeof id !== "string" || id === "") throw new EmuFailure(CODES.invalidParam, "TopicId must be a topic ID");
  if (g.Type !== "Community" || !g.supportTopic)
    throw new EmuFailure(CODES.noPermission, "topics exist only in Communities with topics switched on");
  const topic = g.topics.get(id);
  if (!topic) throw new EmuFailure(CODES.groupNotFound, "the topic does not exist or has been deleted");
  return { channel: topic, topic };
}

/** The group for the topic APIs: a Community with topics switched on (10007 otherwise). */
export function requireTopicGroup(ctx: HandlerContext): EmuGroup {
  const g = requireGroup(ctx);
  if (!g.supportTopic) throw new EmuFailure(CODES.noPermission, "this Community does not have topics switched on");
  return g;
}

export function optionalInt(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    throw new EmuFailure(CODES.invalidParam, `${field} must be an integer between ${min} and ${max}`);
  return v;
}

export function optionalStringArray(body: Record<string, unknown>, field: string): string[] | undefined {
  const v = (body as Record<string, unknown>)[field];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string"))
    throw new EmuFailure(CODES.invalidParam, `${field} must be an array of strings`);
  return v as string[];
}

/**
 * Builds a list while keeping the serialised answer under 1 MB; past it, 10018 (the get_group_member_info and get_group_info pages).
 * Stops early, so a huge group is never serialised whole.
 */
export class SizeBudget {
  private used = 200;
  add(item: unknown): void {
    // The 1 MB cap is in bytes: Chinese text takes three per character (UTF-16 length would miss it).
    this.used += Buffer.byteLength(JSON.stringify(item)) + 1;
    if (this.used > RULES.maxResponseBytes)
      throw new EmuFailure(
        CODES.tooLarge,
        "the response exceeds the maximum size (1 MB); pull the data by page with a smaller Limit",
      );
  }
}

/** A required list of 1..max account strings. */
export function requireAccounts(body: Record<string, unknown>, field: string, max: number): string[] {
  const v = body[field];
  if (!Array.isArray(v) || v.length === 0 || !v.every((a) => typeof a === "string" && a !== ""))
    throw new EmuFailure(CODES.invalidParam, `${field} must be a non-empty array of accounts`);
  if (v.length > max) throw new EmuFailure(CODES.invalidParam, `${field} has more than ${max} accounts`);
  return v as string[];
}

/** An optional text field within its byte limit (10004 otherwise). */
export function optionalText(body: Record<string, unknown>, field: string, maxBytes: number): string | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || Buffer.byteLength(v) > maxBytes)
    throw new EmuFailure(CODES.invalidParam, `${field} is at most ${maxBytes} bytes`);
  return v;
}

/**
 * The texts groups and topics share, each within its byte limit: a name (under the API's own field name,
 * never empty), introduction, notification and face URL.
 */
export function nameAndTexts(
  body: Record<string, unknown>,
  nameField: string,
  nameMaxBytes: number,
): { name?: string; Introduction?: string; Notification?: string; FaceUrl?: string } {
  const name = optionalText(body, nameField, nameMaxBytes);
  if (name === "") throw new EmuFailure(CODES.invalidParam, `${nameField} cannot be empty`);
  const out: { name?: string; Introduction?: string; Notification?: string; FaceUrl?: string } = {};
  if (name !== undefined) out.name = name;
  const intro = optionalText(body, "Introduction", RULES.introductionMaxBytes);
  if (intro !== undefined) out.Introduction = intro;
  const notification = optionalText(body, "Notification", RULES.notificationMaxBytes);
  if (notification !== undefined) out.Notification = notification;
  const face = optionalText(body, "FaceUrl", RULES.faceUrlMaxBytes);
  if (face !== undefined) out.FaceUrl = face;
  return out;
}
