// openconfigsvr/getnospeaking and setnospeaking: an account's app-wide mute, for one-to-one messages and
// for group messages, in seconds (0 = none, 4294967295 = forever)
// (https://www.tencentcloud.com/document/product/1047/34924, /34923). Account-level: no group, any type.
import { z } from "zod";
import { defineApi, UserId } from "./define.js";

/** The "forever" value of both durations. */
export const NOSPEAKING_FOREVER = 4294967295;

const Seconds = z.number().int().min(0).max(NOSPEAKING_FOREVER);

export const getNoSpeaking = defineApi({
  name: "getnospeaking",
  service: "openconfigsvr",
  command: "getnospeaking",
  doc: "https://www.tencentcloud.com/document/product/1047/34924",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  request: z.object({ Get_Account: UserId }),
  // What is left of each mute, in seconds (the page's example answers 7196 a few seconds after setting 7200).
  response: z.looseObject({
    C2CmsgNospeakingTime: z.number().catch(0).default(0),
    GroupmsgNospeakingTime: z.number().catch(0).default(0),
  }),
  unsupported: {
    meaning: "The admin may not read this account's app-wide mute.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});

export const setNoSpeaking = defineApi({
  name: "setnospeaking",
  service: "openconfigsvr",
  command: "setnospeaking",
  doc: "https://www.tencentcloud.com/document/product/1047/34923",
  groupTypes: ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"],
  // Either duration may be left out, not both (130008).
  request: z
    .object({
      Set_Account: UserId,
      C2CmsgNospeakingTime: Seconds.optional(),
      GroupmsgNospeakingTime: Seconds.optional(),
    })
    .refine((r) => r.C2CmsgNospeakingTime !== undefined || r.GroupmsgNospeakingTime !== undefined, {
      message: "give C2CmsgNospeakingTime, GroupmsgNospeakingTime or both",
      path: ["GroupmsgNospeakingTime"],
    }),
  response: z.looseObject({}),
  // Setting the same durations twice is harmless: a retried request cannot do more than the first.
  writes: true,
  unsupported: {
    meaning: "The admin may not set this account's app-wide mute.",
    nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
});
