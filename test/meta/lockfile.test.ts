// `npm ci` on a fresh clone (CI, and contributors on any platform) needs a lockfile that lists every
// optional platform package its dependencies ask for; npm calls a lockfile without them out of sync.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface LockPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockPackage> };
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

/** Where npm would resolve `name` from the package at `from` (nested node_modules first, then up). */
function resolves(from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true;
    const i = dir.lastIndexOf("/node_modules/");
    if (dir === "") return false;
    dir = i < 0 ? "" : dir.slice(0, i);
  }
}

describe("package-lock.json", () => {
  it("lists every optional (per-platform) dependency of every package, so npm ci works anywhere", () => {
    const missing: string[] = [];
    for (const [path, p] of Object.entries(lock.packages))
      for (const name of Object.keys(p.optionalDependencies ?? {}))
        if (!resolves(path, name)) missing.push(`${path || "(root)"} -> ${name}`);
    expect(missing).toEqual([]);
  });

  it("pins the lint tool to a release whose binaries exist for every platform", () => {
    // Biome ships one binary package per platform; a range could move to a release the registry lacks for some.
    expect(pkg.devDependencies["@biomejs/biome"]).toMatch(/^\d+\.\d+\.\d+$/);
    const biome = lock.packages["node_modules/@biomejs/biome"];
    expect(Object.keys(biome?.optionalDependencies ?? {}).length).toBeGreaterThanOrEqual(8);
  });
});
