// npm run build: bundle the server with esbuild into dist/ (code-split, so the emulator, the HTTP
// transport and undici load only when used). Hosts spawn MCP servers often; one bundle starts
// faster than hundreds of module files (see the start-up row of npm run bench).
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/index.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Runtime dependencies left out of the bundle: tls-sig-api-v2 is CommonJS loaded through createRequire,
  // and undici (imported lazily on the first request) does not survive bundling.
  external: ["tls-sig-api-v2", "undici"],
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  logLevel: "warning",
});
