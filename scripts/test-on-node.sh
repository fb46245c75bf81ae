#!/usr/bin/env bash
# Runs the test suite (npm test's vitest run) on another Node.js major version, e.g. `scripts/test-on-node.sh 24`.
# Spawned servers and CLIs inherit that Node through PATH; dist/ is the same build the default Node made.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_BIN="$(bash scripts/node-binary.sh "$1")"
echo "== tests on node $("$NODE_BIN" --version)"
PATH="$(dirname "$NODE_BIN"):$PATH" "$NODE_BIN" node_modules/vitest/vitest.mjs run --reporter=dot
