// `tencent-chat-group-mcp call <tool> --args '<json>' [--json]`: run one tool through a real MCP client
// against the configured backend (or --demo). Exit 0 on success, 1 on an isError result or any failure
// (never 0 without an answer), 2 on usage errors.
import { parseArgs } from "node:util";
import { CONFIG_OPTIONS, type Config } from "../config/load.js";
import { parseArgsOptions } from "../config/options.js";
import { CALL_OPTIONS } from "./call-options.js";

export interface CallInput {
  config: Config;
  argv: string[];
  positionals: string[];
  extra: Record<string, string | boolean | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const SECRET_ENV = new Map(CONFIG_OPTIONS.filter((o) => o.secret && o.env).map((o) => [o.flag, o.env!]));

/**
 * The server flags of the call, without the tool name and the call's own options, read from parseArgs'
 * tokens (so "--flag=value" and "--flag value" are one option, and values are never taken for flags).
 * Secret flags move to the child's environment: a command line is visible to every user of the machine (ps).
 */
export function serverArgs(argv: string[], tool: string): { args: string[]; env: Record<string, string> } {
  const { tokens } = parseArgs({
    args: argv,
    options: { ...parseArgsOptions(), ...CALL_OPTIONS },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const args: string[] = [];
  const env: Record<string, string> = {};
  for (const t of tokens ?? []) {
    if (t.kind === "positional") {
      if (t.value !== tool) args.push(t.value);
      continue;
    }
    if (t.kind !== "option" || t.name in CALL_OPTIONS) continue;
    const envName = SECRET_ENV.get(t.name);
    if (envName) {
      if (t.value !== undefined) env[envName] = t.value;
      continue;
    }
    if (t.value === undefined) args.push(t.rawName);
    else if (t.inlineValue) args.push(`${t.rawName}=${t.value}`);
    else args.push(t.rawName, t.value);
  }
  return { args, env };
}

/** How long to wait for the answer: the tool's own time budget plus a margin (longer calls report progress). */
function callTimeoutMs(args: Record<string, unknown>): number {
  const budget = typeof args.max_seconds === "number" ? args.max_seconds : 40;
  return Math.max(60, budget + 30) * 1000;
}

export async function runCallCommand(input: CallInput): Promise<number> {
  const tool = input.positionals[0];
  if (!tool) {
    input.err("usage: tencent-chat-group-mcp call <tool> --args '<json>' [--json] [server options such as --demo]");
    return 2;
  }
  let args: Record<string, unknown> = {};
  if (typeof input.extra.args === "string") {
    try {
      args = JSON.parse(input.extra.args) as Record<string, unknown>;
    } catch {
      input.err(`--args is not valid JSON: ${input.extra.args}`);
      return 2;
    }
  }
  // --app <profile>: which of several apps (a profiles file) the call goes to.
  if (typeof input.extra.app === "string") args = { ...args, app: input.extra.app };
  const [{ connectToSelf }, { ALL_TOOLS }, { isWriteTool }] = await Promise.all([
    import("./spawn-client.js"),
    import("../tools/index.js"),
    import("../tools/define.js"),
  ]);
  const known = ALL_TOOLS.find((t) => t.name === tool);
  if (!known) {
    input.err(`unknown tool "${tool}". Tools: ${ALL_TOOLS.map((t) => t.name).join(", ")}`);
    return 2;
  }
  // With profiles, each app has its own write switch: the server decides.
  if (isWriteTool(known) && !input.config.profilesPath && !(input.config.enableWrites && !input.config.readOnly)) {
    input.err(
      `"${tool}" changes data and is not listed: writes are disabled: add --enable-writes (TENCENT_CHAT_ENABLE_WRITES=true) and drop --read-only.`,
    );
    return 2;
  }
  const { args: serverFlags, env } = serverArgs(input.argv, tool);
  // The call names its tool: list just that one, whatever toolset it is in (a last --tools wins over the user's).
  const childArgs = [...serverFlags, "--tools", tool];
  const debug = input.config.logLevel === "debug";
  // The server's log is read, never left to fill the pipe: shown as it comes with --log-level debug,
  // and its tail on a failure.
  const child = await connectToSelf(childArgs, { ...process.env, ...env }, debug ? input.err : undefined).catch(
    (err: unknown) => {
      input.err(`the server did not start: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    },
  );
  if (!child) return 1;
  const { client, stderrTail } = child;
  try {
    const { tools } = await client.listTools();
    if (!tools.some((t) => t.name === tool)) {
      input.err(`"${tool}" is not listed by the server.`);
      return 2;
    }
    const result = await client.callTool({ name: tool, arguments: args }, undefined, {
      timeout: callTimeoutMs(args),
      onprogress: () => undefined,
      resetTimeoutOnProgress: true,
    });
    if (input.extra.json === true && result.structuredContent)
      input.out(JSON.stringify(result.structuredContent, null, 2));
    else
      for (const c of (result.content ?? []) as { type: string; text?: string }[])
        if (c.type === "text" && c.text) input.out(c.text);
    return result.isError ? 1 : 0;
  } catch (err) {
    input.err(`the call failed: ${err instanceof Error ? err.message : String(err)}`);
    const tail = stderrTail();
    if (tail && !debug) input.err(`server log (last lines):\n${tail}`);
    return 1;
  } finally {
    await client.close().catch(() => undefined);
  }
}
