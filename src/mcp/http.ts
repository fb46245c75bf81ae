// Streamable HTTP transport, stateless (a new server + transport per POST, per the SDK's rules),
// with Host/Origin validation (DNS-rebinding protection), an optional constant-time bearer token,
// a body-size limit, 405 for GET/DELETE, and /healthz. No CORS headers at all (no wildcard).
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isLoopbackHost } from "../config/load.js";
import type { Logger } from "../core/logger.js";

export const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export interface HttpOptions {
  host: string;
  port: number;
  token?: string;
  logger: Logger;
  buildServer: () => McpServer;
  /** Extra facts for /healthz (the rate limiter's mode). */
  health?: () => Record<string, unknown>;
  /** Slow-client limits (defaults below); tests shorten them. */
  limits?: Partial<typeof CLIENT_LIMITS>;
}

// A client that sends its request slowly holds a socket and up to 1 MB of body: cut it after 15 s
// (Node's default is 5 minutes), check every second, and cap the connections one process holds.
export const CLIENT_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  maxConnections: 512,
};

function jsonRpcError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }));
}

function hostnameOf(hostHeader: string): string {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return "";
  }
}

function sameSecret(given: string, expected: string): boolean {
  // Hash both so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

async function readJson(
  req: IncomingMessage,
): Promise<{ ok: true; body: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      return { ok: false, status: 413, message: `Request body larger than ${MAX_BODY_BYTES} bytes` };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, status: 400, message: "Parse error: the body is not JSON" };
  }
}

export async function startHttpServer(
  opts: HttpOptions,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const loopback = isLoopbackHost(opts.host);

  const limits = { ...CLIENT_LIMITS, ...opts.limits };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs),
    },
    (req, res) => {
      void handle(req, res).catch((err) => {
        opts.logger.log("error", `HTTP handler failed: ${err instanceof Error ? err.message : String(err)}`);
        if (!res.headersSent) jsonRpcError(res, 500, "Internal server error");
      });
    },
  );
  server.maxConnections = limits.maxConnections;

  function originAllowed(origin: string, hostname: string): boolean {
    let o: URL;
    try {
      o = new URL(origin);
    } catch {
      return false;
    }
    const port = Number(o.port || (o.protocol === "https:" ? 443 : 80));
    const ownPort = (server.address() as AddressInfo | null)?.port;
    if (o.hostname === hostname && port === ownPort) return true; // same origin
    return opts.token !== undefined && LOOPBACK_NAMES.has(o.hostname);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://placeholder");
    const hostname = hostnameOf(req.headers.host ?? "");
    // DNS rebinding: a loopback server answers only to loopback Host names. A server on another address
    // is reached under names we cannot know (and requires the bearer token), so any Host is accepted.
    // The bound address itself is a valid Host too (--host 127.0.0.2).
    if (loopback && !LOOPBACK_NAMES.has(hostname) && hostname !== hostnameOf(opts.host))
      return jsonRpcError(res, 403, `Invalid Host: ${hostname || "(none)"}`);
    // Browsers send Origin; other clients do not. Without a token, only this server's own origin may call
    // it: any web page on another localhost port (a dev server, a malicious package) would otherwise read
    // the app's groups. With a token, the token is the protection, so loopback pages may call too (the MCP
    // Inspector's web UI, say). Foreign origins never.
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin, hostname)) return jsonRpcError(res, 403, "Forbidden origin");
    if (url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ ok: true, ...opts.health?.() }));
    }
    if (url.pathname !== "/mcp") return jsonRpcError(res, 404, "Not found: the MCP endpoint is /mcp");
    if (opts.token) {
      const auth = req.headers.authorization ?? "";
      // The scheme name is case-insensitive (RFC 7235 §2.1).
      const given = /^bearer +(.+)$/i.exec(auth)?.[1] ?? "";
      if (!given || !sameSecret(given, opts.token))
        return jsonRpcError(res, 401, "Unauthorized: send Authorization: Bearer <TENCENT_CHAT_MCP_TOKEN>", {
          "www-authenticate": 'Bearer realm="tencent-chat-group-mcp"',
        });
    }
    if (req.method !== "POST")
      return jsonRpcError(res, 405, "Method not allowed: this server is stateless; use POST", { allow: "POST" });
    const parsed = await readJson(req);
    if (!parsed.ok) return jsonRpcError(res, parsed.status, parsed.message);
    const mcp = opts.buildServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on("close", () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, parsed.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const hostForUrl = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `http://${hostForUrl}:${addr.port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
