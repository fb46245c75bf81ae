// A real HTTP proxy in front of the emulator that bends its answers (hostile or odd upstream values the
// emulator never sends), so the client and tools are tested against them through real HTTP.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Harness, type HarnessOptions, startHarness } from "./harness.js";

/** Returns the answer to send: an object (sent as JSON) or raw text (an HTML page, say). */
export type Bend = (
  api: string,
  answer: Record<string, unknown>,
  requestUrl: string,
) => Record<string, unknown> | string;

export interface BendingProxy {
  url: string;
  setBend(bend: Bend | undefined): void;
  stop(): Promise<void>;
}

export async function startBendingProxy(target: string): Promise<BendingProxy> {
  let bend: Bend | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const upstream = await fetch(`${target}${req.url}`, { method: "POST", body: Buffer.concat(chunks) });
      let text = await upstream.text();
      const api = /\/v4\/[^/]+\/([^?]+)/.exec(req.url ?? "")?.[1] ?? "";
      if (bend) {
        const bent = bend(api, JSON.parse(text) as Record<string, unknown>, `${target}${req.url}`);
        text = typeof bent === "string" ? bent : JSON.stringify(bent);
      }
      res.writeHead(upstream.status, { "content-type": "application/json" });
      res.end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setBend: (b) => {
      bend = b;
    },
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/**
 * A harness whose Chat client talks to the emulator through a bending proxy. The emulator is started by
 * a first harness kept only for it; `close` stops all three.
 */
export async function startBentHarness(
  clientOptions: HarnessOptions["clientOptions"] = {},
): Promise<{ h: Harness; proxy: BendingProxy; close(): Promise<void> }> {
  const upstream = await startHarness();
  const proxy = await startBendingProxy(upstream.emulator.url);
  const h = await startHarness({
    sharedEmulator: upstream.emulator,
    clientOptions: { baseUrl: proxy.url, ...clientOptions },
  });
  return {
    h,
    proxy,
    close: async () => {
      await h.close();
      await proxy.stop();
      await upstream.close();
    },
  };
}
