// npm run bundle: build tencent-chat-group-mcp.mcpb with only what the server needs at run time
// (manifest, dist/, package.json and production node_modules), then validate and pack it with mcpb.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const stage = mkdtempSync(join(tmpdir(), "tcgm-bundle-"));
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: "inherit" });
try {
  run("npm", ["run", "build", "--silent"]);
  for (const f of ["manifest.json", "package.json", "package-lock.json", "README.md", "dist"])
    cpSync(join(root, f), join(stage, f), { recursive: true });
  run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], stage);
  const out = join(root, "tencent-chat-group-mcp.mcpb");
  run(join(root, "node_modules/.bin/mcpb"), ["pack", stage, out]);
  console.log(`Bundle written to ${out}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
