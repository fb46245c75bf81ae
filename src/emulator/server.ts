// The emulator's HTTP server: POST /v4/{service}/{command} for the group APIs, and control
// endpoints under /_emulator for tests and benchmarks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Authenticator } from "./auth.js";
import { CODES, EmuFailure, type EmuResponse, fail } from "./envelope.js";
import type { FaultPlan } from "./faults.js";
import type { EmulatorSettings } from "./handlers/context.js";
import { KNOWN_SERVICES, routeAt } from "./handlers/index.js";
import type { CallCounter } from "./rate-limit.js";
import { RULES } from "./rules.js";
import type { EmuStore } from "./store.js";

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ServerDeps {
  store: EmuStore;
  settings: EmulatorSettings;
  faults: FaultPlan;
  counter: CallCounter;
  auth: Authenticator;
  now: () => number;
  /** Control operations behind /_emulator (reset, seed). */
  control: { reset(): void; seed(body: unknown): { added: number } };
}

// A uint64 in an answer (get_appid_group_list's Next) is written as bare digits, as Tencent sends it.
const BIG = "@@uint64@@";
function toJson(body: unknown): string {
  return JSON.stringify(body, (_k, v: unknown) => (typeof v === "bigint" ? `${BIG}${v}` : v)).replace(
    new RegExp(`"${BIG}(\\d+)"`, "g"),
    "$1",
  );
}

function send(res: ServerResponse, r: EmuResponse): void {
  let text = toJson(r.body);
  // No answer leaves bigger than 1 MB: 10018 instead.
  if (Buffer.byteLength(text) > RULES.maxResponseBytes)
    text = JSON.stringify(
      fail(CODES.tooLarge, "the response exceeds the maximum size (1 MB); pull the data by page with a smaller Limit")
        .body,
    );
  res.writeHead(r.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new EmuFailure(CODES.invalidParam, "request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function createEmulatorServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    handle(deps, req, res).catch(() => {
      if (!res.headersSent) send(res, fail(CODES.systemError, "system error"));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  return server;
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  if (url.pathname.startsWith("/_emulator/")) return control(deps, req, res, url);
  const m = /^\/v4\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!m) return send(res, fail(CODES.badResource, "request resource error; check the request URL"));
  const [, service, command] = m as unknown as [string, string, string];
  const route = routeAt(service, command);
  if (!route) {
    // Unknown command under a known service: 10003; unknown service: 60009.
    return send(
      res,
      KNOWN_SERVICES.has(service)
        ? fail(CODES.invalidCommand, "invalid command")
        : fail(CODES.badResource, "request resource error; check the request URL"),
    );
  }
  if (req.method !== "POST") return send(res, fail(CODES.httpParse, "only POST is supported"));
  const api = route.name;

  if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);
  const fault = deps.faults.pick(api);
  if (fault?.kind === "drop") {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === "http") {
    res.writeHead(fault.status ?? 502, { "content-type": "text/html" });
    res.end(`<html><body>${fault.status ?? 502} Bad Gateway</body></html>`);
    return;
  }

  let answer: EmuResponse;
  try {
    const body = await readBody(req);
    const nowMs = deps.now();
    const app = deps.auth.check(url.searchParams, nowMs);
    if (!deps.counter.admit(`${app.sdkAppId}:${api}`, nowMs, route.callsPerSecond))
      throw new EmuFailure(CODES.rateLimited, "REST API call frequency over limit");
    if (fault?.kind === "error") throw new EmuFailure(fault.code ?? CODES.systemError, fault.info ?? "injected fault");
    if (body.trim() === "") throw new EmuFailure(CODES.jsonParse, "empty request body; send {} at least");
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new EmuFailure(CODES.jsonParse, "request JSON parse error");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new EmuFailure(CODES.jsonParse, "request body must be a JSON object");
    // JSON.parse rounds integers above 2^53: take a uint64 field's digits from the text itself.
    for (const field of route.bigIntegerFields ?? []) {
      const value = (parsed as Record<string, unknown>)[field];
      if (typeof value === "string") throw new EmuFailure(CODES.invalidParam, `${field} must be an integer`);
      const digits = new RegExp(`"${field}"\\s*:\\s*(\\d+)`).exec(body)?.[1];
      if (digits !== undefined) (parsed as Record<string, unknown>)[field] = digits;
    }
    answer = route.handler({
      route,
      store: deps.store,
      app,
      body: parsed as Record<string, unknown>,
      now: Math.floor(nowMs / 1000),
      settings: { ...deps.settings, tooLargeAboveLimit: deps.faults.tooLargeAboveLimit },
    });
  } catch (err) {
    if (!(err instanceof EmuFailure)) throw err;
    answer = fail(err.code, err.info);
  }
  deps.counter.recordCode(Number(answer.body.ErrorCode ?? 0));
  if (fault?.kind === "lost") {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === "slow") {
    // Headers now, body later: exercises the client's body timeout.
    const text = JSON.stringify(answer.body);
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    res.write(text.slice(0, 1));
    await sleep(fault.ms ?? 30_000);
    if (!res.destroyed) res.end(text.slice(1));
    return;
  }
  send(res, answer);
}

async function control(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const reply = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(text);
  };
  const op = url.pathname.slice("/_emulator/".length);
  const readJson = async () => {
    const text = await readBody(req);
    return text.trim() ? (JSON.parse(text) as unknown) : {};
  };
  try {
    if (op === "health") return reply(200, { ok: true });
    if (op === "stats") return reply(200, { ...deps.counter.snapshot(), faults: deps.faults.stats });
    if (req.method !== "POST" && req.method !== "DELETE") return reply(405, { error: "use POST" });
    if (op === "reset") {
      deps.control.reset();
      return reply(200, { ok: true });
    }
    if (op === "faults") {
      if (req.method === "DELETE") deps.faults.clear();
      else deps.faults.set((await readJson()) as Parameters<FaultPlan["set"]>[0]);
      return reply(200, { ok: true });
    }
    if (op === "seed") return reply(200, deps.control.seed(await readJson()));
    return reply(404, { error: `unknown control endpoint ${op}` });
  } catch (err) {
    return reply(400, { error: err instanceof Error ? err.message : String(err) });
  }
}
