// Group types as the REST API names them (old IDs: Private = Work, ChatRoom = Meeting).
// Source: https://www.tencentcloud.com/document/product/1047/33529
export const GROUP_TYPES = ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export function isGroupType(value: string): value is GroupType {
  return (GROUP_TYPES as readonly string[]).includes(value);
}

// Community group IDs must start with "@TGS#_" (iOS V2TIM header, Electron SDK doc).
// This is the only type that can be told from the ID alone.
export const COMMUNITY_ID_PREFIX = "@TGS#_";

export function isCommunityGroupId(groupId: string): boolean {
  return groupId.startsWith(COMMUNITY_ID_PREFIX);
}
