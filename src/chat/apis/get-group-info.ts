// group_open_http_svc/get_group_info: profiles of up to 50 groups in one call, each with its own ErrorCode.
import { z } from "zod";
import { GroupInfoSchema, withLegacyMuteField } from "../response-schemas.js";
import { defineApi, GroupId } from "./define.js";

const Filter = z.array(z.string()).optional();

export const getGroupInfo = defineApi({
  name: "get_group_info",
  service: "group_open_http_svc",
  command: "get_group_info",
  doc: "https://www.tencentcloud.com/document/product/1047/34961",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  request: z.object({
    GroupIdList: z.array(GroupId).min(1).max(50),
    ResponseFilter: z
      .object({
        GroupBaseInfoFilter: Filter,
        MemberInfoFilter: Filter.transform(withLegacyMuteField),
        AppDefinedDataFilter_Group: Filter,
        AppDefinedDataFilter_GroupMember: Filter,
      })
      .optional(),
  }),
  // The top-level ErrorCode is meaningless here; each group carries its own: split found from failed.
  response: z.looseObject({ GroupInfo: z.array(GroupInfoSchema).default([]) }).transform(({ GroupInfo }) => ({
    groups: GroupInfo.filter((g) => !g.ErrorCode),
    errors: GroupInfo.filter((g) => g.ErrorCode).map((g) => ({
      GroupId: g.GroupId,
      ErrorCode: g.ErrorCode ?? 0,
      ErrorInfo: g.ErrorInfo ?? "",
    })),
  })),
  perItemErrors: true,
  unsupported: {
    meaning: "The admin may not read this group or the requested fields.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
