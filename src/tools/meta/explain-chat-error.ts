import { z } from "zod";
import { describeChatError, ERROR_CATEGORIES } from "../../chat/error-codes.js";
import { defineTool } from "../define.js";

export default defineTool({
  name: "explain_chat_error",
  title: "Explain a Tencent Chat error code",
  description:
    "What a Tencent Chat REST error code means (e.g. 10007, 60007, 70001), whether a retry helps and what to do next. " +
    "No API call. Tool errors already carry this.",
  inputSchema: z.object({ code: z.number().int().min(0).max(999_999) }).strict(),
  outputSchema: z.object({
    code: z.number(),
    known: z.boolean(),
    category: z.enum(ERROR_CATEGORIES),
    retryable: z.boolean(),
    retry_after_seconds: z.number().optional(),
    meaning: z.string(),
    next_step: z.string(),
  }),
  annotations: {
    title: "Explain a Tencent Chat error code",
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async handler(args) {
    const d = describeChatError(args.code);
    return {
      data: {
        code: args.code,
        known: d.known,
        category: d.category,
        retryable: d.retryable,
        ...(d.retryAfterSeconds ? { retry_after_seconds: d.retryAfterSeconds } : {}),
        meaning: d.meaning,
        next_step: d.nextStep,
      },
      text: `Error ${args.code} (${d.category}): ${d.meaning}\nRetry: ${d.retryable ? `yes${d.retryAfterSeconds ? ` after ${d.retryAfterSeconds} s` : ""}` : "no"}.\nNext: ${d.nextStep}`,
    };
  },
});
