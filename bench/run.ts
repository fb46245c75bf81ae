// npm run bench: every module in bench/workloads/ exports run(): Promise<Row[]>; this prints one table.
// Each row compares our time (or size) with a baseline measured in the same run.
import { readdirSync } from "node:fs";

export interface Row {
  name: string;
  ours: number;
  baseline: number;
  unit: string;
  /** baseline / ours for speed-ups, ours / baseline for costs; see `target`. */
  ratio: number;
  target: string;
  pass: boolean;
  note?: string;
}

const only = process.argv[2];
const files = readdirSync(new URL("./workloads/", import.meta.url))
  .filter((f) => f.endsWith(".ts") && (!only || f.includes(only)))
  .sort();
const rows: Row[] = [];
for (const f of files) {
  const mod = (await import(new URL(`./workloads/${f}`, import.meta.url).href)) as { run: () => Promise<Row[]> };
  process.stderr.write(`running ${f}...\n`);
  rows.push(...(await mod.run()));
}
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));
console.log("| workload | ours | baseline | ratio | target | pass | note |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows)
  console.log(
    `| ${r.name} | ${fmt(r.ours)} ${r.unit} | ${fmt(r.baseline)} ${r.unit} | ${r.ratio.toFixed(2)} | ${r.target} | ${r.pass ? "yes" : "NO"} | ${r.note ?? ""} |`,
  );
process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
