// group_open_http_svc/get_appid_group_list: the app's group IDs, paged by a uint64 Next cursor, one call per
// second per app (https://trtc.io/document/34960).
import { z } from "zod";
import { defineApi, intRange } from "./define.js";

/** Types this API filters by (the page also lists BChatRoom, a legacy broadcast type this server does not serve). */
export const LISTABLE_GROUP_TYPES = ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"] as const;

export const GROUP_ID_PAGE_MAX = 10_000;

export const getAppidGroupList = defineApi({
  name: "get_appid_group_list",
  service: "group_open_http_svc",
  command: "get_appid_group_list",
  doc: "https://trtc.io/document/34960",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  callsPerSecond: 1,
  request: z.object({
    Limit: intRange(1, GROUP_ID_PAGE_MAX).optional(),
    /** "0" first, then the returned Next; digits of a uint64, sent as a bare number. */
    Next: z
      .string()
      .regex(/^\d{1,20}$/, { error: "must be the digits of the returned Next (a uint64)" })
      .optional(),
    GroupType: z.enum(LISTABLE_GROUP_TYPES).optional(),
  }),
  bigIntegerFields: ["Next"],
  response: z.looseObject({
    /** Groups of the app (of GroupType, when given), not of this page. */
    TotalCount: z.number().int().nonnegative().default(0),
    GroupIdList: z.array(z.looseObject({ GroupId: z.string() })).default([]),
    /** "0" when the list is complete. A small number arrives as a JSON number, a large one as digits. */
    Next: z
      .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
      .default(0)
      .transform((n) => (typeof n === "number" ? BigInt(n).toString() : n)),
  }),
  unsupported: {
    meaning: "The admin may not list this app's groups.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
