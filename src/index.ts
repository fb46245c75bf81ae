#!/usr/bin/env node
// The bin: serve (default, stdio or Streamable HTTP), emulator, demo-tour, call <tool>.
// Heavy modules are imported lazily so hosts that spawn the server often get a fast start.
import { createRequire } from "node:module";
import { ConfigurationError } from "./chat/errors.js";
import { CALL_OPTIONS } from "./cli/call-options.js";
import { type Config, loadConfig, renderHelp } from "./config/load.js";
import { createLogger } from "./core/logger.js";

const require = createRequire(import.meta.url);
export const VERSION: string = (require("../package.json") as { version: string }).version;

async function serve(config: Config, argv: string[]): Promise<void> {
  const logger = createLogger(config.logLevel);
  if (config.mcpToken) logger.addSecret(config.mcpToken);
  // A configured audit log must take lines from the start: writes are refused while it cannot.
  if (config.auditLog) await (await import("./core/audit.js")).checkAuditLog(config.auditLog);
  const [{ openApps }, { buildServer }, { ALL_TOOLS }, { selectTools }] = await Promise.all([
    import("./mcp/backend.js"),
    import("./mcp/server.js"),
    import("./tools/index.js"),
    import("./tools/select.js"),
  ]);
  const backend = await openApps(config, { argv, env: process.env }, logger);
  const tools = selectTools(ALL_TOOLS, backend.selection);
  const hidden = (config.tools ?? []).filter((n) => !tools.some((t) => t.name === n));
  if (hidden.length > 0)
    logger.log(
      "warning",
      `--tools names ${hidden.join(", ")}, which change data and are not listed: writes are disabled. Add --enable-writes (and drop --read-only) to list them.`,
    );
  if (tools.length === 0) logger.log("warning", "No tools are listed: check --tools, --toolsets and --enable-writes.");
  const make = () =>
    buildServer({
      chat: backend.apps[0]!.chat,
      // Process-wide settings (and which writes are listed); each app brings its own credentials.
      config: backend.selection,
      tools,
      logger,
      version: VERSION,
      apps: backend.apps,
      defaultApp: backend.defaultName,
    });
  const shutdown = async (code = 0) => {
    await backend.close().catch(() => undefined);
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  if (config.transport === "http") {
    const { startHttpServer } = await import("./mcp/http.js");
    const http = await startHttpServer({
      host: config.host,
      port: config.port,
      token: config.mcpToken,
      logger,
      buildServer: make,
      health: backend.health,
    }).catch(async (err: unknown) => {
      // A busy port or a bad host must end the process (the demo emulator would otherwise keep it alive).
      await backend.close().catch(() => undefined);
      const why = err instanceof Error ? err.message : String(err);
      throw new ConfigurationError(`cannot serve HTTP on ${config.host}:${config.port}: ${why}`);
    });
    logger.log(
      "info",
      `MCP Streamable HTTP endpoint: ${http.url} (${tools.length} tools${config.mcpToken ? ", bearer token required" : ""})`,
    );
    return;
  }
  const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
  const server = make();
  const transport = new StdioServerTransport();
  let fatal = false;
  transport.onerror = (err) => {
    // The SDK drops the connection on a line over its 10 MB limit: say why, and exit non-zero.
    fatal ||= /exceeded maximum size/.test(err.message);
    logger.log(fatal ? "error" : "warning", `stdio: ${err.message}${fatal ? "; exiting" : ""}`);
  };
  transport.onclose = () => void shutdown(fatal ? 1 : 0);
  // The host closing our stdin means it is done with us: exit instead of lingering as an orphan.
  process.stdin.once("end", () => void shutdown());
  // The host closing our stdout (EPIPE) likewise: exit cleanly instead of crashing on the next write.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") void shutdown();
  });
  await server.connect(transport);
  logger.log("info", `MCP server ready on stdio (${tools.length} tools${config.demo ? ", demo mode" : ""}).`);
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0] && !argv[0].startsWith("-") ? argv[0] : "serve";
  const rest = command === argv[0] ? argv.slice(1) : argv;
  const { config, positionals, extra } = loadConfig({
    argv: rest,
    env: process.env,
    extraOptions: command === "call" ? CALL_OPTIONS : undefined,
  });
  if (config.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (config.help) {
    process.stdout.write(`${renderHelp()}\n`);
    return 0;
  }
  switch (command) {
    case "serve":
      await serve(config, rest);
      return -1;
    case "emulator": {
      const { runEmulatorCommand } = await import("./emulator/cli.js");
      const emu = await runEmulatorCommand({
        port: config.port === 3333 ? 0 : config.port,
        host: config.host,
        out: (l) => process.stdout.write(`${l}\n`),
      });
      const stop = () => void emu.stop().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      return -1;
    }
    case "demo-tour": {
      const { runDemoTour } = await import("./cli/demo-tour.js");
      return runDemoTour({ out: (l) => process.stdout.write(`${l}\n`) });
    }
    case "call": {
      const { runCallCommand } = await import("./cli/call.js");
      return runCallCommand({
        config,
        argv: rest,
        positionals,
        extra,
        out: (l) => process.stdout.write(`${l}\n`),
        err: (l) => process.stderr.write(`${l}\n`),
      });
    }
    default:
      throw new ConfigurationError(`unknown command "${command}"; commands: serve, emulator, demo-tour, call`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    const message =
      err instanceof ConfigurationError
        ? err.message
        : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`tencent-chat-group-mcp: ${createLogger("error").redact(message)}\n`);
    // Exit now: whatever a failed start-up left open (an emulator, a socket) must not keep the process alive.
    process.exit(2);
  },
);
