// The group operations tools and aggregates speak: domain terms in, domain terms out. The PascalCase wire
// requests live in one module per domain under group-ops/ (as tools live in one folder per toolset);
// ChatGroups puts them behind one object so a tool needs one dependency.
import type { ChatCaller } from "./api.js";
import { GroupOps } from "./group-ops/groups.js";
import { LiveOps } from "./group-ops/live.js";
import { MemberOps } from "./group-ops/members.js";
import { MessageOps } from "./group-ops/messages.js";
import { ModerationOps } from "./group-ops/moderation.js";
import { StateOps } from "./group-ops/state.js";
import { TopicOps } from "./group-ops/topics.js";

export type { GroupRef } from "./group-ops/base.js";
export * from "./group-ops/groups.js";
export * from "./group-ops/live.js";
export * from "./group-ops/members.js";
export * from "./group-ops/messages.js";
export * from "./group-ops/moderation.js";
export * from "./group-ops/state.js";
export * from "./group-ops/topics.js";

const DOMAINS = [GroupOps, MemberOps, MessageOps, ModerationOps, LiveOps, TopicOps, StateOps] as const;

// The TypeScript handbook's mixin pattern: the interface names every domain's methods, the loop below
// copies them onto the class. A method name used by two domains would be a bug, so it throws at load.
export interface ChatGroups extends GroupOps, MemberOps, MessageOps, ModerationOps, LiveOps, TopicOps, StateOps {}
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the mixin pattern; the methods are copied below.
export class ChatGroups {
  constructor(readonly caller: ChatCaller) {}
}

for (const domain of DOMAINS) {
  for (const name of Object.getOwnPropertyNames(domain.prototype)) {
    if (name === "constructor") continue;
    if (Object.hasOwn(ChatGroups.prototype, name)) throw new Error(`ChatGroups: two domains define ${name}`);
    Object.defineProperty(ChatGroups.prototype, name, Object.getOwnPropertyDescriptor(domain.prototype, name)!);
  }
}
// withMuteDuration lives on the shared base, which the domains extend.
Object.defineProperty(
  ChatGroups.prototype,
  "withMuteDuration",
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(GroupOps.prototype), "withMuteDuration")!,
);
