// `tencent-chat-group-mcp emulator`: run the emulator and print how to point any client at it.
import { DEMO_GROUP_IDS } from "./demo-ids.js";
import { DEMO_GROUP_LIST_PAGE_CAP, type RunningEmulator, startEmulator } from "./index.js";

export async function runEmulatorCommand(opts: {
  port?: number;
  host?: string;
  out: (line: string) => void;
}): Promise<RunningEmulator> {
  const emu = await startEmulator({
    port: opts.port ?? 0,
    host: opts.host ?? "127.0.0.1",
    groupListPageCap: DEMO_GROUP_LIST_PAGE_CAP,
  });
  const c = emu.credentials;
  const out = opts.out;
  out(`Tencent Chat REST emulator listening on ${emu.url}`);
  out("");
  out(`  SDKAppID:         ${c.sdkAppId}`);
  out(`  Admin identifier: ${c.identifier}`);
  out(`  Secret key:       ${c.secretKey}   (demo only; it opens nothing but this emulator)`);
  out("");
  out("Point the MCP server at it:");
  out(
    `  TENCENT_CHAT_BASE_URL=${emu.url} TENCENT_CHAT_SDKAPPID=${c.sdkAppId} TENCENT_CHAT_IDENTIFIER=${c.identifier} TENCENT_CHAT_SECRET_KEY=${c.secretKey} npx tencent-chat-group-mcp`,
  );
  out("");
  out("Demo groups:");
  for (const [name, id] of Object.entries(DEMO_GROUP_IDS)) out(`  ${name.padEnd(16)} ${id}`);
  out("");
  out(
    "Control endpoints: GET /_emulator/health, GET /_emulator/stats, POST /_emulator/reset, POST|DELETE /_emulator/faults, POST /_emulator/seed",
  );
  out("Press Ctrl+C to stop.");
  return emu;
}
