// Several Chat apps in one server: a JSON file of named profiles (TENCENT_CHAT_PROFILES / --profiles), each
// with the settings of the single-app variables. Validated at start: a bad file stops the server with a
// message naming the profile and the field. Each profile becomes a whole Config (the process-wide settings,
// with the profile's app settings in place of the single-app ones), read by the same rules as the variables.
import { readFileSync, statSync } from "node:fs";
import { z } from "zod";
import { ConfigurationError } from "../chat/errors.js";
import { type Config, loadConfig } from "./load.js";

export const PROFILE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;

const ProfileSchema = z
  .object({
    sdkappid: z.union([z.number().int().positive(), z.string().min(1)]),
    region: z.string().optional(),
    base_url: z.string().optional(),
    identifier: z.string().optional(),
    rate_limit: z.number().positive().optional(),
    rate_limits: z.record(z.string(), z.number().positive()).optional(),
    enable_writes: z.boolean().optional(),
    read_only: z.boolean().optional(),
    /** The name of an environment variable that holds the secret key (preferred: the file holds no secret). */
    secret_key_env: z.string().min(1).optional(),
    usersig_env: z.string().min(1).optional(),
    secret_key: z.string().min(1).optional(),
  })
  .strict();

const ProfilesFileSchema = z
  .object({
    default: z.string(),
    profiles: z.record(z.string(), ProfileSchema),
  })
  .strict();

export type ProfileSettings = z.infer<typeof ProfileSchema>;
/** The fields a profile takes (the README names them). */
export const PROFILE_FIELDS = Object.keys(ProfileSchema.shape);

export interface AppProfile {
  name: string;
  config: Config;
}

export interface Profiles {
  defaultName: string;
  apps: AppProfile[];
}

/** The single-app variable each profile field stands for: errors of the value rules name the field. */
const FIELD_OF_ENV: Record<string, string> = {
  TENCENT_CHAT_SDKAPPID: "sdkappid",
  TENCENT_CHAT_REGION: "region",
  TENCENT_CHAT_BASE_URL: "base_url",
  TENCENT_CHAT_IDENTIFIER: "identifier",
  TENCENT_CHAT_RATE_LIMIT: "rate_limit",
  TENCENT_CHAT_RATE_LIMITS: "rate_limits",
  TENCENT_CHAT_ENABLE_WRITES: "enable_writes",
  TENCENT_CHAT_READ_ONLY: "read_only",
  TENCENT_CHAT_SECRET_KEY: "secret_key",
  TENCENT_CHAT_USERSIG: "usersig_env",
};

function problem(path: string, where: string, message: string): ConfigurationError {
  return new ConfigurationError(`profiles file ${path}: ${where}: ${message}`);
}

/** The profile's settings as the single-app variables, secrets read from the variables they name. */
function profileEnv(path: string, name: string, p: ProfileSettings, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = { TENCENT_CHAT_SDKAPPID: String(p.sdkappid) };
  if (p.region !== undefined) out.TENCENT_CHAT_REGION = p.region;
  if (p.base_url !== undefined) out.TENCENT_CHAT_BASE_URL = p.base_url;
  if (p.identifier !== undefined) out.TENCENT_CHAT_IDENTIFIER = p.identifier;
  if (p.rate_limit !== undefined) out.TENCENT_CHAT_RATE_LIMIT = String(p.rate_limit);
  if (p.rate_limits !== undefined)
    out.TENCENT_CHAT_RATE_LIMITS = Object.entries(p.rate_limits)
      .map(([api, n]) => `${api}=${n}`)
      .join(",");
  const secrets = [p.secret_key_env, p.usersig_env, p.secret_key].filter((x) => x !== undefined);
  if (secrets.length !== 1)
    throw problem(path, `profile "${name}"`, "set exactly one of secret_key_env, usersig_env or secret_key");
  const fromEnv = (field: string, variable: string) => {
    const v = env[variable];
    if (!v) throw problem(path, `profile "${name}", field ${field}`, `the environment variable ${variable} is not set`);
    return v;
  };
  if (p.secret_key_env) out.TENCENT_CHAT_SECRET_KEY = fromEnv("secret_key_env", p.secret_key_env);
  if (p.usersig_env) out.TENCENT_CHAT_USERSIG = fromEnv("usersig_env", p.usersig_env);
  if (p.secret_key) out.TENCENT_CHAT_SECRET_KEY = p.secret_key;
  return out;
}

/**
 * Reads and checks a profiles file. `base` is the process-wide configuration (transport, toolsets, audit
 * log...); each profile overrides its app settings. Warns when a file with an inline secret key is readable
 * by other users.
 */
export function loadProfiles(
  path: string,
  base: { argv: string[]; env: NodeJS.ProcessEnv; config: Config },
  warn: (message: string) => void,
): Profiles {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ConfigurationError(
      `TENCENT_CHAT_PROFILES (--profiles): cannot read ${path} as JSON (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  const parsed = ProfilesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [top, name, field] = issue.path.map(String);
    const where =
      top === "profiles" && name !== undefined
        ? `profile "${name}"${field ? `, field ${field}` : ""}`
        : (top ?? "the file");
    const message =
      issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : issue.message.toLowerCase();
    throw problem(path, where, message);
  }
  const file = parsed.data;
  const names = Object.keys(file.profiles);
  if (names.length === 0) throw problem(path, "profiles", "no profile is defined");
  for (const n of names)
    if (!PROFILE_NAME.test(n))
      throw problem(path, `profile "${n}"`, "a profile name is 1-32 of a-z, 0-9, - and _, starting with a letter");
  if (!file.profiles[file.default])
    throw problem(path, "default", `"${file.default}" is not one of the profiles (${names.join(", ")})`);
  if (Object.values(file.profiles).some((p) => p.secret_key)) {
    const mode = statSync(path).mode;
    if (mode & 0o044)
      warn(
        `profiles file ${path} holds an inline secret_key and other users can read it (mode ${(mode & 0o777).toString(8)}): chmod 600 it, or name a variable with secret_key_env.`,
      );
  }
  // Process-wide settings without the single-app ones (a profile brings its own).
  const processEnv = Object.fromEntries(
    Object.entries(base.env).filter(([k]) => !(k in FIELD_OF_ENV) && k !== "TENCENT_CHAT_USERSIG"),
  );
  const apps = names.map((name) => {
    const env = { ...processEnv, ...profileEnv(path, name, file.profiles[name]!, base.env) };
    try {
      const config = loadConfig({ argv: withoutAppFlags(base.argv), env }).config;
      const p = file.profiles[name]!;
      // Writes: the profile's own switch, else the process's; a read-only process or profile always wins.
      return {
        name,
        config: Object.freeze({
          ...config,
          enableWrites: p.enable_writes ?? base.config.enableWrites,
          readOnly: base.config.readOnly || p.read_only === true,
        }),
      };
    } catch (err) {
      if (!(err instanceof ConfigurationError)) throw err;
      // "TENCENT_CHAT_REGION (--region): ..." reads "field region: ..." in a profile.
      const m = /^(TENCENT_CHAT_[A-Z_]+) \(--[a-z-]+\): (.*)$/s.exec(err.message);
      const field = m ? FIELD_OF_ENV[m[1]!] : undefined;
      throw problem(path, `profile "${name}"${field ? `, field ${field}` : ""}`, m ? m[2]! : err.message);
    }
  });
  return { defaultName: file.default, apps };
}

const APP_FLAGS = new Set([
  "--sdkappid",
  "--secret-key",
  "--usersig",
  "--identifier",
  "--region",
  "--base-url",
  "--rate-limit",
  "--rate-limits",
  "--enable-writes",
  "--read-only",
  "--profiles",
]);

/** The command line without the single-app flags, which a profile replaces ("--flag value" and "--flag=value"). */
function withoutAppFlags(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = a.split("=")[0]!;
    if (!APP_FLAGS.has(flag)) {
      out.push(a);
      continue;
    }
    // Boolean flags take no value; the others take the next argument unless given as --flag=value.
    const boolean = flag === "--enable-writes" || flag === "--read-only";
    if (!boolean && !a.includes("=")) i++;
  }
  return out;
}
