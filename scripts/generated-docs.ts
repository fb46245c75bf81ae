// README tables and manifest.json's tools list, rendered from the registry and the option table,
// so docs never drift from the code (npm run gen writes them; a test fails when they are stale).
import { CONFIG_OPTIONS } from "../src/config/options.js";
import { isWriteTool } from "../src/tools/define.js";
import { ALL_TOOLS, TOOLSETS, toolsetOf } from "../src/tools/index.js";
import { LISTINGS, type ListingCost } from "./tool-listing.js";

export function firstSentence(text: string): string {
  // A sentence ends at ". " before a capital letter, so "e.g. 10007" does not cut it short.
  const m = /^(.*?[.!?])(\s+[A-Z]|$)/s.exec(text);
  return (m ? m[1]! : text).trim();
}

export function renderToolTable(): string {
  const rows = ALL_TOOLS.map(
    (t) =>
      `| \`${t.name}\` | ${toolsetOf(t.name)}${isWriteTool(t) ? " (write)" : ""} | ${firstSentence(t.description).replace(/\|/g, "\\|")} |`,
  );
  return ["| tool | toolset | what it does |", "|---|---|---|", ...rows].join("\n");
}

export function renderConfigTable(): string {
  const rows = CONFIG_OPTIONS.filter((o) => o.env).map(
    (o) => `| \`${o.env}\` | \`--${o.flag}\` | ${o.meaning.replace(/\|/g, "\\|")} | ${o.defaultText ?? ""} |`,
  );
  return ["| variable | flag | meaning | default |", "|---|---|---|---|", ...rows].join("\n");
}

export function manifestTools(): { name: string; description: string }[] {
  return ALL_TOOLS.map((t) => ({ name: t.name, description: firstSentence(t.description) }));
}

export function replaceBetween(text: string, marker: string, body: string): string {
  const begin = `<!-- BEGIN ${marker} -->`;
  const end = `<!-- END ${marker} -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`markers ${begin} ... ${end} not found`);
  return `${text.slice(0, a + begin.length)}\n${body}\n${text.slice(b)}`;
}

/** What each selection of tools costs in every conversation (tools/list JSON characters ÷ 4). */
export function renderListingTable(costs: [string, ListingCost][]): string {
  const rows = costs.map(
    ([name, c]) =>
      `| ${name} | ${LISTINGS[name]?.length ? `\`${LISTINGS[name]?.join(" ")}\`` : "(none)"} | ${c.tools} | ${c.tokens.toLocaleString("en-US")} |`,
  );
  return ["| listing | flags | tools | tokens |", "|---|---|---|---|", ...rows].join("\n");
}

/** The toolsets: what each is for, whether the default lists it, and its tools. */
export function renderToolsetTable(): string {
  const rows = TOOLSETS.map(
    (s) =>
      `| \`${s.name}\` | ${s.title}: ${s.summary} | ${s.default ? "yes" : "no"} | ${s.tools.map((t) => `\`${t.name}\`${isWriteTool(t) ? "*" : ""}`).join(", ")} |`,
  );
  return [
    "| toolset | for | default | tools (* = write) |",
    "|---|---|---|---|",
    ...rows,
    `| (always) | Explaining error codes; with \`--dynamic-toolsets\`, listing and enabling toolsets | yes | ${ALL_TOOLS.filter(
      (t) => toolsetOf(t.name) === "meta",
    )
      .map((t) => `\`${t.name}\``)
      .join(", ")}, \`list_toolsets\`, \`enable_toolsets\` |`,
  ].join("\n");
}

export function renderReadme(current: string, costs: [string, ListingCost][]): string {
  let out = replaceBetween(current, "TOOLS", renderToolTable());
  out = replaceBetween(out, "TOOLSETS", renderToolsetTable());
  out = replaceBetween(out, "LISTING", renderListingTable(costs));
  return replaceBetween(out, "CONFIG", renderConfigTable());
}

export function renderManifest(current: string): string {
  const m = JSON.parse(current) as Record<string, unknown>;
  m.tools = manifestTools();
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** The MCP Registry's server.json schema version this entry follows (the newest released one). */
export const SERVER_JSON_SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

interface PackageJson {
  name: string;
  version: string;
  mcpName: string;
  description: string;
}

/**
 * The MCP Registry entry (server.json) for the npm package: stdio, and every environment variable of the
 * option table with whether it is required and whether it is a secret.
 */
export function renderServerJson(pkg: PackageJson): string {
  const environmentVariables = CONFIG_OPTIONS.filter((o) => o.env).map((o) => ({
    name: o.env!,
    description: o.meaning,
    isRequired: o.required === true,
    isSecret: o.secret === true,
    format: o.type === "boolean" ? "boolean" : "string",
    ...(o.defaultText ? { default: o.defaultText } : {}),
  }));
  const entry = {
    $schema: SERVER_JSON_SCHEMA,
    name: pkg.mcpName,
    title: "Tencent Cloud Chat Groups",
    description: "Read and moderate Tencent Cloud Chat (Tencent IM) groups; demo mode on an embedded emulator.",
    version: pkg.version,
    packages: [
      {
        registryType: "npm",
        identifier: pkg.name,
        version: pkg.version,
        transport: { type: "stdio" },
        environmentVariables,
      },
    ],
  };
  return `${JSON.stringify(entry, null, 2)}\n`;
}
