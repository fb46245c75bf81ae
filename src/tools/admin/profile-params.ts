// The group profile fields update_group_profile and create_group take, with the byte limits checked before
// anything is sent (the descriptor's limits, stated once here for the parameters).
import { z } from "zod";
import { GROUP_TEXT_MAX_BYTES, JOIN_OPTIONS } from "../../chat/apis/modify-group-base-info.js";
import { bytesTextParam } from "../shared/params.js";

export const ProfileParams = {
  name: bytesTextParam(GROUP_TEXT_MAX_BYTES.Name).refine((s) => s.length > 0, "a name cannot be empty"),
  introduction: bytesTextParam(GROUP_TEXT_MAX_BYTES.Introduction),
  notification: bytesTextParam(GROUP_TEXT_MAX_BYTES.Notification),
};

export const FaceUrlParam = bytesTextParam(GROUP_TEXT_MAX_BYTES.FaceUrl);
export const JoinOptionParam = z.enum(JOIN_OPTIONS);
