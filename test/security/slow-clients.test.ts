// Clients that send a request body slowly (or never finish it) are cut after the request timeout,
// over real sockets, while /healthz keeps answering; memory held by their bodies is released.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unconfiguredCaller } from "../../src/chat/api.js";
import { loadConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/core/logger.js";
import { startHttpServer } from "../../src/mcp/http.js";
import { buildServer } from "../../src/mcp/server.js";
import { ALL_TOOLS } from "../../src/tools/index.js";

const CLIENTS = 50;
let http: Awaited<ReturnType<typeof startHttpServer>>;

beforeAll(async () => {
  const { config } = loadConfig({ argv: [], env: {} });
  const logger = createLogger("error", () => undefined);
  http = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    logger,
    buildServer: () => buildServer({ chat: unconfiguredCaller("x"), config, tools: ALL_TOOLS, logger, version: "t" }),
    limits: { requestTimeoutMs: 1000, headersTimeoutMs: 1000 },
  });
});
afterAll(() => http.close());

function stalledUpload(url: URL): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST /mcp HTTP/1.1\r\nHost: ${url.host}\r\ncontent-type: application/json\r\ncontent-length: 1000000\r\n\r\n`,
      );
      socket.write(`{"x":"${"a".repeat(200_000)}`); // a fifth of the body, then nothing
      const started = Date.now();
      const closed = new Promise<number>((done) => socket.once("close", () => done(Date.now() - started)));
      socket.on("error", () => undefined);
      socket.resume();
      resolve({ socket, closed });
    });
  });
}

describe("slow uploads", () => {
  it(`${CLIENTS} stalled request bodies are cut after the request timeout; /healthz answers meanwhile`, async () => {
    const url = new URL(http.url);
    const uploads = await Promise.all(Array.from({ length: CLIENTS }, () => stalledUpload(url)));
    const health = await fetch(http.url.replace("/mcp", "/healthz"));
    expect(health.status).toBe(200);
    const cutAfter = await Promise.race([
      Promise.all(uploads.map((u) => u.closed)),
      new Promise<null>((r) => setTimeout(() => r(null), 8000)),
    ]);
    for (const u of uploads) u.socket.destroy();
    // Cut by the server (Node's default would have held them for 5 minutes).
    expect(cutAfter).not.toBeNull();
    expect(Math.max(...(cutAfter as number[]))).toBeLessThan(4000);
  });

  it("caps the connections one process holds", () => {
    expect(http.server.maxConnections).toBe(512);
  });
});
