// npm run gen: rewrite the generated parts of README.md and manifest.json.
import { readFileSync, writeFileSync } from "node:fs";
import { renderManifest, renderReadme, renderServerJson } from "./generated-docs.js";
import { allListingCosts } from "./tool-listing.js";

writeFileSync("README.md", renderReadme(readFileSync("README.md", "utf8"), await allListingCosts()));
writeFileSync("manifest.json", renderManifest(readFileSync("manifest.json", "utf8")));
writeFileSync("server.json", renderServerJson(JSON.parse(readFileSync("package.json", "utf8"))));
console.log("README.md, manifest.json and server.json regenerated from the tool registry and the option table.");
