import { z } from "zod";

export const GroupErrorOut = z.object({
  group_id: z.string(),
  code: z.number(),
  meaning: z.string(),
  next_step: z.string(),
  retryable: z.boolean().optional(),
});
