import { z } from "zod";

export const MaxSecondsParam = z
  .number()
  .int()
  .min(1)
  .max(300)
  .default(40)
  .describe(
    "Time budget in seconds (default 40, inside the usual 60 s client timeout). When it runs out the result is partial with a resume_cursor.",
  );

export const ResumeCursorParam = z
  .string()
  .max(4096)
  .optional()
  .describe(
    "resume_cursor from a previous partial result of this same call; continues the scan where it stopped, keeping the counts.",
  );

export const StopReasonOut = z
  .enum(["done", "max_items", "max_seconds", "early_exit"])
  .describe(
    "Why the scan stopped: done (group exhausted), max_items, max_seconds (budget), early_exit (enough matches).",
  );
