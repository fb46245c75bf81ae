// The Chat apps one server serves: one unnamed app (the single-app variables), or named profiles. Each app
// has its own Chat client (its UserSig and rate budget), its own keys for resume cursors and confirm tokens
// (one app's are refused in another, and the refusal names the app they belong to), its own write ledger
// and its own write switch.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type CursorCodec, cursorCodec, deriveCursorKey } from "../aggregate/resume-cursor.js";
import type { ChatCaller } from "../chat/api.js";
import { ChatInputError } from "../chat/errors.js";
import type { Config } from "../config/load.js";
import { type ConfirmTokens, confirmTokens, deriveConfirmKey } from "../core/confirm-token.js";
import { memoryLedger, type WriteLedger } from "../core/write-ledger.js";
import type { ToolDefinition } from "../tools/define.js";

export interface ServerApp {
  name: string;
  chat: ChatCaller;
  config: Config;
  ledger?: WriteLedger;
}

export interface AppState {
  name: string;
  chat: ChatCaller;
  config: Config;
  ledger: WriteLedger;
  cursors: CursorCodec;
  confirm: ConfirmTokens;
  writesEnabled: boolean;
}

function appSecret(config: Config): string | undefined {
  const c = config.credentials;
  return c?.kind === "secretKey" ? c.secretKey : c?.kind === "userSig" ? c.userSig : undefined;
}

/**
 * The keys of an app's cursors and tokens, from its secret: every replica of one app derives the same. With
 * several profiles the profile's name and SDKAppID go in too, so two profiles never share keys.
 */
function secretFor(config: Config, scope: string | undefined): string | undefined {
  const secret = appSecret(config);
  return secret && scope !== undefined ? `${secret}\n${scope}\n${config.sdkAppId ?? ""}` : secret;
}

export interface Apps {
  list: AppState[];
  /** Several profiles: every tool takes `app`. */
  multi: boolean;
  defaultName: string;
  pick(name: unknown): AppState;
  /** A tool as listed: with several apps, its input gains the `app` parameter. */
  withAppParam(tool: ToolDefinition): ToolDefinition;
}

export function serverApps(apps: ServerApp[], defaultName: string): Apps {
  const multi = apps.length > 1;
  const states: AppState[] = apps.map((a) => {
    const secret = secretFor(a.config, multi ? a.name : undefined);
    return {
      name: a.name,
      chat: a.chat,
      config: a.config,
      ledger: a.ledger ?? memoryLedger(),
      cursors: cursorCodec(secret ? deriveCursorKey(secret) : randomBytes(32)),
      confirm: confirmTokens(secret ? deriveConfirmKey(secret) : randomBytes(32)),
      writesEnabled: a.config.enableWrites && !a.config.readOnly,
    };
  });
  if (multi) {
    // Each app's own codecs, before any is wrapped: the lookups below use these.
    const raw = states.map((s) => ({ name: s.name, cursors: s.cursors, confirm: s.confirm }));
    for (const s of states) isolate(s, raw);
  }
  const byName = new Map(states.map((s) => [s.name, s]));
  const names = states.map((s) => s.name) as [string, ...string[]];
  const appParam = z.enum(names).default(defaultName).describe("Which Chat app (profile).");
  const listed = new WeakMap<ToolDefinition, ToolDefinition>();
  return {
    list: states,
    multi,
    defaultName,
    pick: (name) => byName.get(typeof name === "string" ? name : defaultName) ?? byName.get(defaultName)!,
    withAppParam: (tool) => {
      if (!multi) return tool;
      let t = listed.get(tool);
      if (!t) {
        t = { ...tool, inputSchema: tool.inputSchema.extend({ app: appParam }) };
        listed.set(tool, t);
      }
      return t;
    },
  };
}

/**
 * A cursor or token of another profile fails this profile's signature check; say whose it is instead of
 * "not a cursor this server issued".
 */
function isolate(own: AppState, all: { name: string; cursors: CursorCodec; confirm: ConfirmTokens }[]): void {
  const others = all.filter((s) => s.name !== own.name);
  const ownCursors = own.cursors;
  const ownConfirm = own.confirm;
  own.cursors = {
    encode: ownCursors.encode,
    decode: (cursor, tool, bind, state) => {
      try {
        return ownCursors.decode(cursor, tool, bind, state);
      } catch (err) {
        const owner = others.find((o) => {
          try {
            o.cursors.decode(cursor, tool, bind, state);
            return true;
          } catch {
            return false;
          }
        });
        if (!owner) throw err;
        throw new ChatInputError(
          "resume_cursor",
          `resume_cursor belongs to app "${owner.name}", not "${own.name}"`,
          undefined,
          `Continue with app "${owner.name}" (the app of the call that returned the cursor), or call without resume_cursor to start over in "${own.name}".`,
        );
      }
    },
  };
  own.confirm = {
    issue: ownConfirm.issue,
    check: ownConfirm.check,
    appOf: (tool, args, token) =>
      others.find((o) => ["ok", "expired"].includes(o.confirm.check(tool, args, token)))?.name,
  };
}
