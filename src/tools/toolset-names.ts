// The toolsets, by what a user does: their names, what each is for, and which the default listing holds.
// Kept apart from the tools themselves so the configuration can check names without loading any tool.
export const TOOLSET_INFO = {
  groups: {
    title: "Groups and membership",
    summary: "find groups and a user's groups, profiles, member summaries and searches, membership checks",
    default: true,
  },
  moderation: {
    title: "Moderation",
    summary: "read messages, who is muted or banned; mute, remove, ban, recall, delete, mute all",
    default: true,
  },
  admin: {
    title: "Administration",
    summary: "member role, name card, mute, custom data; add members; hand over, edit, create, dismiss groups",
    default: false,
  },
  messaging: {
    title: "Messaging",
    summary: "post a message or a system notice to a group",
    default: false,
  },
  community: {
    title: "Community topics",
    summary: "list, create, change and delete a Community's topics (topic_id reaches the message and mute tools)",
    default: false,
  },
  state: {
    title: "Group attributes and counters",
    summary: "the key-value attributes and integer counters an app keeps on a group",
    default: false,
  },
  live: {
    title: "Live groups (AVChatRoom)",
    summary: "who is online in a live group, online counts, member marks, its admins",
    default: false,
  },
  raw: {
    title: "One page per API",
    summary:
      "single requests: one page of members, of the app's group IDs, of a user's groups; roles of listed accounts",
    default: false,
  },
} as const;

export type ToolsetName = keyof typeof TOOLSET_INFO;
export const TOOLSET_NAMES = Object.keys(TOOLSET_INFO) as ToolsetName[];
export const DEFAULT_TOOLSETS = TOOLSET_NAMES.filter((n) => TOOLSET_INFO[n].default);
/** What --toolsets takes besides toolset names. */
export const TOOLSET_KEYWORDS = ["default", "all"] as const;
