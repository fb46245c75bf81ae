// Group attributes: get_group_attr (https://trtc.io/document/44187, under group_open_attr_http_svc),
// modify_group_attr (merge, /44188), set_group_attr (replace all, /44190) and clear_group_attr. The pages
// put the three writes under group_open_http_svc; the reference and some SDKs group all four under
// group_open_attr_http_svc (docs/drift.md): the writes go to the pages' service and, if it is unknown
// (60009) or the command is (10003), once more to the other. Limits: 16 keys, a key 32 bytes, a value 4 KB,
// all of them 16 KB; writes 5 a second (10049 past it). The field names are lower case: key, value.
// clear_group_attr's page (/44189) leaves Community out, the others serve it (docs/drift.md).
import { z } from "zod";
import { defineApi, GroupId } from "./define.js";

export const ATTR_LIMITS = { keys: 16, keyBytes: 32, valueBytes: 4096, totalBytes: 16 * 1024 } as const;
export const ATTR_SERVICES = ["group_open_http_svc", "group_open_attr_http_svc"] as const;

const Attr = z.object({ key: z.string().min(1), value: z.string() });
const AttrList = z.array(Attr).max(ATTR_LIMITS.keys);

const all = ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"] as const;
const unsupported = {
  meaning: "This group's attributes are not open to the app (some copies of the docs serve live groups only).",
  nextStep: "Keep such state in group custom data (update_group_profile custom) instead.",
};

export const getGroupAttr = defineApi({
  name: "get_group_attr",
  service: "group_open_attr_http_svc",
  command: "get_group_attr",
  doc: "https://trtc.io/document/44187",
  groupTypes: all,
  request: z.object({ GroupId }),
  response: z.looseObject({
    GroupAttrAry: z
      .array(z.looseObject({ key: z.string(), value: z.string().catch("") }))
      .catch([])
      .default([]),
  }),
  unsupported,
});

function attrWrite(name: string, command: string, doc: string, service: (typeof ATTR_SERVICES)[number], list: boolean) {
  return defineApi({
    name,
    service,
    command,
    doc,
    groupTypes: command === "clear_group_attr" ? all.filter((t) => t !== "Community") : all,
    writes: true,
    callsPerSecond: 5,
    request: list ? z.object({ GroupId, GroupAttr: AttrList }) : z.object({ GroupId }),
    response: z.looseObject({}),
    unsupported,
  });
}

/** Each write under the pages' service, and under the other for the fallback. */
export const modifyGroupAttr = attrWrite(
  "modify_group_attr",
  "modify_group_attr",
  "https://trtc.io/document/44188",
  "group_open_http_svc",
  true,
);
export const modifyGroupAttrAlt = attrWrite(
  "modify_group_attr_attrsvc",
  "modify_group_attr",
  "https://trtc.io/document/44188",
  "group_open_attr_http_svc",
  true,
);
export const setGroupAttr = attrWrite(
  "set_group_attr",
  "set_group_attr",
  "https://trtc.io/document/44190",
  "group_open_http_svc",
  true,
);
export const setGroupAttrAlt = attrWrite(
  "set_group_attr_attrsvc",
  "set_group_attr",
  "https://trtc.io/document/44190",
  "group_open_attr_http_svc",
  true,
);
export const clearGroupAttr = attrWrite(
  "clear_group_attr",
  "clear_group_attr",
  "https://trtc.io/document/44189",
  "group_open_http_svc",
  false,
);
export const clearGroupAttrAlt = attrWrite(
  "clear_group_attr_attrsvc",
  "clear_group_attr",
  "https://trtc.io/document/44189",
  "group_open_attr_http_svc",
  false,
);
