// npm run bundle: build tencent-chat-group-mcp.mcpb with only what the server needs at run time:
// manifest.json, the esbuild bundle in dist/, and the two dependencies the bundle leaves external
// (tls-sig-api-v2, undici) at the versions installed here. Then mcpb validates and packs it.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const EXTERNAL = ["tls-sig-api-v2", "undici"];
const root = resolve(import.meta.dirname, "..");
const stage = mkdtempSync(join(tmpdir(), "tcgm-bundle-"));
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: "inherit" });
try {
  run("npm", ["run", "build", "--silent"]);
  for (const f of ["manifest.json", "README.md", "dist"]) cpSync(join(root, f), join(stage, f), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const version = (name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
  const dependencies = Object.fromEntries(EXTERNAL.map((name) => [name, version(name)]));
  writeFileSync(
    join(stage, "package.json"),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, type: "module", license: pkg.license, dependencies }, null, 2)}\n`,
  );
  run("npm", ["install", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock"], stage);
  const out = join(root, "tencent-chat-group-mcp.mcpb");
  run(join(root, "node_modules/.bin/mcpb"), ["pack", stage, out]);
  // Smoke test: the staged server answers initialize in demo mode.
  const init = `${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "bundle", version: "1" } } })}\n`;
  const answer = execFileSync(process.execPath, [join(stage, "dist/index.js"), "--demo"], {
    input: init,
    timeout: 15_000,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "ignore"],
  }).toString();
  if (!answer.includes('"serverInfo"')) throw new Error(`bundle smoke test failed: ${answer}`);
  console.log(`Bundle written to ${out} (smoke test: initialize answered)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
