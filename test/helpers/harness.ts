// Real MCP Client -> buildServer -> real ChatClient -> emulator over real HTTP on 127.0.0.1.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { type CallToolResult, ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { ChatClient, type ChatClientOptions } from "../../src/chat/client.js";
import { createUserSigProvider } from "../../src/chat/usersig.js";
import { type Config, loadConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/core/logger.js";
import type { WriteLedger } from "../../src/core/write-ledger.js";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { buildServer } from "../../src/mcp/server.js";
import { ALL_TOOLS } from "../../src/tools/index.js";
import { selectTools } from "../../src/tools/select.js";

export interface Harness {
  client: Client;
  emulator: RunningEmulator;
  chat: ChatClient;
  config: Config;
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  enableWrites?: boolean;
  readOnly?: boolean;
  argv?: string[];
  emulator?: EmulatorOptions;
  clientOptions?: Partial<ChatClientOptions>;
  /** Reuse a running emulator instead of starting one. */
  sharedEmulator?: RunningEmulator;
  /** A write ledger shared with other harnesses (replicas of one app through Redis). */
  ledger?: WriteLedger;
  /** Declare elicitation and answer each prompt with this (a person in the loop). */
  onElicit?: (message: string) => "accept" | "decline" | "cancel";
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const emulator = o.sharedEmulator ?? (await startEmulator({ port: 0, ...o.emulator }));
  // Tests reach every toolset unless they choose one, and write without the app's write budget unless they test it.
  const argv = [
    ...(o.argv?.includes("--toolsets") || o.argv?.includes("--tools") ? [] : ["--toolsets", "all"]),
    ...(o.argv?.includes("--write-budget") ? [] : ["--write-budget", "accounts=1000000,messages=1000000"]),
    ...(o.argv ?? []),
    ...(o.enableWrites ? ["--enable-writes"] : []),
    ...(o.readOnly ? ["--read-only"] : []),
  ];
  const c = emulator.credentials;
  const { config } = loadConfig({
    argv,
    env: {
      TENCENT_CHAT_SDKAPPID: String(c.sdkAppId),
      TENCENT_CHAT_SECRET_KEY: c.secretKey,
      TENCENT_CHAT_IDENTIFIER: c.identifier,
      TENCENT_CHAT_BASE_URL: emulator.url,
    },
  });
  const logs: string[] = [];
  const logger = createLogger("debug", (l) => logs.push(l));
  logger.addSecret(c.secretKey);
  const chat = new ChatClient({
    baseUrl: emulator.url,
    sdkAppId: c.sdkAppId,
    identifier: c.identifier,
    userSig: createUserSigProvider({ sdkAppId: c.sdkAppId, identifier: c.identifier, secretKey: c.secretKey }),
    retryBaseDelayMs: 5,
    rateLimitDelayMs: 20,
    ...o.clientOptions,
  });
  const server = buildServer({
    chat,
    config,
    tools: selectTools(ALL_TOOLS, config),
    logger,
    version: "test",
    ledger: o.ledger,
  });
  const client = new Client(
    { name: "test-client", version: "1" },
    o.onElicit ? { capabilities: { elicitation: { form: {} } } } : undefined,
  );
  if (o.onElicit) {
    const answer = o.onElicit;
    client.setRequestHandler(ElicitRequestSchema, async (req) => ({
      action: answer((req.params as { message: string }).message),
    }));
  }
  const [clientT, serverT] = InMemoryTransport.createLinkedPair();
  await Promise.all([client.connect(clientT), server.connect(serverT)]);
  return {
    client,
    emulator,
    chat,
    config,
    logs,
    close: async () => {
      await client.close();
      await server.close();
      await chat.close();
      if (!o.sharedEmulator) await emulator.stop();
    },
  };
}

export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  opts: Parameters<Client["callTool"]>[2] = {},
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, opts)) as CallToolResult;
}

export function textOf(r: CallToolResult): string {
  return (r.content as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");
}

export function structured<T = Record<string, unknown>>(r: CallToolResult): T {
  if (r.isError) throw new Error(`tool failed: ${textOf(r)}`);
  return r.structuredContent as T;
}
