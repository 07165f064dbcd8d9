#!/usr/bin/env bash
# Development server: installs what is missing, then serves the app with live reload at
# http://127.0.0.1:8080 (addresses and port are set in Trunk.toml; extra arguments go to trunk).
#
#   bash scripts/serve.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

# wasm-opt (npm binaryen) and wasm-bindgen must be found on PATH: Trunk is offline and must
# never download tools.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
echo "serve: http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
