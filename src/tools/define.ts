// A tool is data plus a handler. Handlers receive their dependencies through ToolContext;
// they never build a client or import transport code, so metadata stays importable offline.
import type { z } from "zod";
import type { CursorCodec } from "../aggregate/resume-cursor.js";
import type { ChatGroups } from "../chat/groups.js";
import type { WriteBudget } from "../config/values.js";
import type { AuditRecord } from "../core/audit.js";
import type { ConfirmTokens } from "../core/confirm-token.js";
import type { WriteLedger } from "../core/write-ledger.js";

export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ProgressUpdate {
  progress: number;
  total?: number;
  message?: string;
}

export type LogLevel = "debug" | "info" | "notice" | "warning" | "error";

export interface ToolRuntime {
  /** True when the backend is the embedded emulator (--demo): results are labelled as demo data. */
  demo: boolean;
  writesEnabled: boolean;
}

/** An audit record as a tool writes it; the server adds the time, the client and how the write was confirmed. */
export type AuditInput = Omit<AuditRecord, "time" | "client" | "confirmation" | "token_fingerprint">;

/** The write-safety rules a call works under (src/tools/shared/write-guard.ts applies them). */
export interface WriteSafety {
  ledger: WriteLedger;
  budget: WriteBudget;
  confirmWith: "token" | "elicitation" | "either";
  /** Asks the person through the client (elicitation); undefined when the client or transport cannot. */
  ask?: (message: string) => Promise<"accept" | "decline" | "cancel">;
  /** Rejects when a write's audit line could not be written now (checked before anything is sent). */
  auditReady(): Promise<void>;
  /** How this call's write was confirmed, for its audit line (set by the write guard). */
  call: { confirmation?: AuditRecord["confirmation"]; token_fingerprint?: string };
}

export interface ToolContext {
  /** The Chat API. Throws ConfigurationError on use when credentials are missing. */
  chat: ChatGroups;
  runtime: ToolRuntime;
  /** Signs and verifies resume cursors (key derived from the app's secret). */
  cursors: CursorCodec;
  /** Issues and checks dry runs' confirm tokens (key derived from the app's secret). */
  confirm: ConfirmTokens;
  /** Writes above these counts need a confirm token. */
  policy: { confirmAbove: { accounts: number; messages: number } };
  /** Records a write, dry run, refusal or failure in the audit trail (file, or MCP log at notice level): once per call. */
  audit(record: AuditInput): Promise<void>;
  writes: WriteSafety;
  /** Aborted when the MCP client cancels the call (or the transport closes). */
  signal: AbortSignal;
  /** Sends notifications/progress when the caller asked for it; a no-op otherwise. */
  progress(update: ProgressUpdate): Promise<void>;
  /** MCP log notification (and stderr). Never pass credentials. */
  log(level: LogLevel, message: string, data?: Record<string, unknown>): Promise<void>;
}

export interface ToolOutput<O> {
  /** Structured result; must match outputSchema. */
  data: O;
  /** Compact human rendering of the same facts (not a JSON dump). */
  text: string;
}

export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  inputSchema: I;
  outputSchema: O;
  annotations: ToolAnnotations;
  handler(args: z.output<I>, ctx: ToolContext): Promise<ToolOutput<z.input<O>>>;
}

/** A tool that changes data: derived from its annotations, never declared twice. Listed only with writes enabled. */
export function isWriteTool(t: Pick<ToolDefinition, "annotations">): boolean {
  return !t.annotations.readOnlyHint;
}

/** Identity function: keeps the literal types of a definition for inference. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(
  def: ToolDefinition<I, O>,
): ToolDefinition<I, O> {
  return def;
}

/** Annotations of a tool that only reads from Tencent's API (an external, open world). */
export function readOnlyAnnotations(title: string): ToolAnnotations {
  return { title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };
}
