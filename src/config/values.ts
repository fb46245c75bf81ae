// The value rules of the configuration as zod schemas: each reads the raw text of a flag or variable and
// says what is wrong in words the error message quotes ("<what>: <problem>. Example of a right value: ...").
import { z } from "zod";

const TRUE = new Set(["true", "1", "yes", "on"]);
const FALSE = new Set(["false", "0", "no", "off", ""]);

export const booleanValue = z
  .string()
  .refine((v) => TRUE.has(v.trim().toLowerCase()) || FALSE.has(v.trim().toLowerCase()), {
    error: (iss) => `"${String(iss.input)}" is not a boolean (use true or false)`,
  })
  .transform((v) => TRUE.has(v.trim().toLowerCase()));

export function integerValue(min: number, max: number) {
  return z
    .string()
    .refine(
      (v) => {
        const n = Number(v.trim());
        return v.trim() !== "" && Number.isInteger(n) && n >= min && n <= max;
      },
      { error: (iss) => `"${String(iss.input)}" is not an integer between ${min} and ${max}` },
    )
    .transform((v) => Number(v.trim()));
}

export function oneOfValue<T extends string>(allowed: readonly T[]) {
  return z
    .string()
    .refine((v) => (allowed as readonly string[]).includes(v.trim().toLowerCase()), {
      error: (iss) => `"${String(iss.input)}" is not one of ${allowed.join(", ")}`,
    })
    .transform((v) => v.trim().toLowerCase() as T);
}

// The HMAC of a UserSig uses the SDKAppID's decimal string, the request its number: a leading zero would make them differ.
export const sdkAppIdValue = z
  .string()
  .refine((v) => /^[1-9]\d{0,11}$/.test(v.trim()), {
    error: (iss) => `"${String(iss.input)}" is not a numeric SDKAppID`,
  })
  .transform((v) => Number(v.trim()));

export const baseUrlValue = z
  .string()
  .transform((v) => v.trim().replace(/\/+$/, ""))
  .refine((v) => z.url({ protocol: /^https?$/ }).safeParse(v).success, {
    error: (iss) => `"${String(iss.input)}" is not an http(s)://host[:port] URL`,
    abort: true,
  })
  .refine(
    (v) => {
      const u = new URL(v);
      return !(u.search || u.hash || u.username || u.password);
    },
    { error: "the URL must not carry a query, fragment or credentials" },
  );

// Never echo the value: a Redis URL may carry a password.
export const redisUrlValue = z
  .string()
  .transform((v) => v.trim())
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "redis:" || u.protocol === "rediss:") && u.hostname !== "";
      } catch {
        return false;
      }
    },
    { error: "the value is not a redis:// or rediss:// URL" },
  );

export interface WriteBudget {
  accounts: number;
  messages: number;
  windowSeconds: number;
}
export const DEFAULT_WRITE_BUDGET: WriteBudget = Object.freeze({ accounts: 100, messages: 50, windowSeconds: 600 });

/** "accounts=100,messages=50,window=600": any of the three, the others keep their defaults. */
export const writeBudgetValue = z.string().transform((raw, ctx) => {
  const out = { ...DEFAULT_WRITE_BUDGET };
  const keys = { accounts: "accounts", messages: "messages", window: "windowSeconds" } as const;
  for (const part of raw.split(",")) {
    if (!part.trim()) continue;
    const [name, value] = part.split("=").map((s) => s.trim());
    const key = keys[name as keyof typeof keys];
    const n = Number(value);
    if (
      !key ||
      value === undefined ||
      !Number.isInteger(n) ||
      n < 0 ||
      n > 1_000_000 ||
      (key === "windowSeconds" && n < 1)
    ) {
      ctx.issues.push({
        code: "custom",
        input: raw,
        message: `"${part.trim()}" is not accounts=N, messages=N or window=SECONDS (whole numbers; window at least 1)`,
      });
      return z.NEVER;
    }
    out[key] = n;
  }
  return out;
});

/** "api=rate,api=rate": per-API limits, each a known API name with a positive rate. */
export function rateLimitsValue(apiNames: readonly string[]) {
  return z.string().transform((raw, ctx) => {
    const out: Record<string, number> = {};
    for (const part of raw.split(",")) {
      if (!part.trim()) continue;
      const [name, value] = part.split("=").map((s) => s.trim());
      if (!name || !apiNames.includes(name)) {
        ctx.issues.push({
          code: "custom",
          input: raw,
          message: `"${name ?? part}" is not an API name (one of ${apiNames.join(", ")})`,
        });
        return z.NEVER;
      }
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0 || n > 100_000) {
        ctx.issues.push({ code: "custom", input: raw, message: `rate for ${name} must be a positive number` });
        return z.NEVER;
      }
      out[name] = n;
    }
    return out;
  });
}
