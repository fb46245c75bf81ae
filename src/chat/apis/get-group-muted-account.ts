// group_open_http_svc/get_group_muted_account: who is muted in a group and until when
// (https://cloud.tencent.com/document/api/269/2925).
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";
import { TopicId } from "./topics.js";

const Muted = z.looseObject({
  Member_Account: z.string(),
  MutedUntil: z.number().optional().catch(undefined),
  ShuttedUntil: z.number().optional().catch(undefined),
});

export const getGroupMutedAccount = defineApi({
  name: "get_group_muted_account",
  service: "group_open_http_svc",
  command: "get_group_muted_account",
  doc: "https://cloud.tencent.com/document/api/269/2925",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  request: z.object({ GroupId, TopicId: TopicId.optional() }),
  // The current page names the list MutedAccountList with MutedUntil; several server SDKs read
  // ShuttedUinList with ShuttedUntil (docs/drift.md): either list, either field.
  response: z
    .looseObject({
      MutedAccountList: z.array(Muted).optional().catch(undefined),
      ShuttedUinList: z.array(Muted).optional().catch(undefined),
    })
    .transform((r) => ({
      muted: (r.MutedAccountList ?? r.ShuttedUinList ?? []).map((m) => ({
        account: m.Member_Account,
        until: m.MutedUntil ?? m.ShuttedUntil ?? 0,
      })),
    })),
  unsupported: {
    meaning: "The admin may not read this group's muted members.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
